-- A small hand-written PostgreSQL schema in Dutch and English.
CREATE TABLE klanten (
  id bigserial PRIMARY KEY,
  voornaam varchar(100) NOT NULL,
  achternaam varchar(100) NOT NULL,
  geboortedatum date,
  bsn char(9),
  email varchar(254),
  last_ip inet,
  passport_number varchar(20),
  username varchar(50),
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE products (
  id serial PRIMARY KEY,
  name text NOT NULL,
  price numeric(10,2)
);
COMMENT ON COLUMN products.name IS 'Product title shown in the shop';
