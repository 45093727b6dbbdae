CREATE TABLE t (a int, [] int, b text);
CREATE TABLE [] (x int);
ALTER TABLE t ADD COLUMN [] int;
