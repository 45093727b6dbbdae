-- A small web shop (PostgreSQL) for the `init` golden test.
CREATE TABLE public.customers (
  id          serial PRIMARY KEY,
  email       varchar(255) NOT NULL,
  first_name  text,
  last_name   text,
  birth_date  date,
  phone       varchar(32),
  created_at  timestamptz DEFAULT now()
);

CREATE TABLE public.orders (
  id            serial PRIMARY KEY,
  customer_id   integer REFERENCES public.customers(id),
  shipping_address text,
  total         numeric(10,2)
);

CREATE TABLE public."odd: #name" (
  "x-id" integer,
  "e-mail address" text
);

CREATE TABLE public.products (
  id    serial PRIMARY KEY,
  sku   text,
  price numeric(10,2)
);
