CREATE TABLE customers (id integer PRIMARY KEY, email text, allergies text);
CREATE TABLE consent_log (customer_id integer, given_at timestamp);
