CREATE TABLE s (secret_col int);
