CREATE TABLE ok (id int);
CREATE TABLE broken (
  id int,
  name varchar(10
;
CREATE TABLE after (id int);
