CREATE TABLE log (id int, phone varchar(20));
CREATE TABLE (;
