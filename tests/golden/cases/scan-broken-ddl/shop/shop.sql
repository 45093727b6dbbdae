CREATE TABLE customers (id int, email varchar(255));
CREATE TABLE broken (
  id int,
  name varchar(10
;
