CREATE TABLE "a""b" (`x` int, [y] text, "ÿþ" varchar(-1), z int DEFAULT (((((((((1))))))))), CONSTRAINT c CHECK (x > 0)
