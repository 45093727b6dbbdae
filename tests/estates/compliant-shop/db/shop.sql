-- Boekhandel Het Kompas: webshop database (PostgreSQL)

CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email varchar(254) NOT NULL UNIQUE,
    first_name varchar(100) NOT NULL,
    last_name varchar(100) NOT NULL,
    phone varchar(20),
    created_at timestamptz NOT NULL DEFAULT now(),
    last_order_at timestamptz
);
COMMENT ON TABLE customers IS 'Guest-checkout customers; purged 7 years after the last order';

CREATE TABLE addresses (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    street varchar(200) NOT NULL,
    house_number varchar(10) NOT NULL,
    postal_code varchar(7) NOT NULL,
    city varchar(100) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE books (
    isbn char(13) PRIMARY KEY,
    title varchar(300) NOT NULL,
    publisher varchar(200) NOT NULL,
    price_cents integer NOT NULL,
    stock integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE books IS 'Catalogue';

CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    address_id bigint NOT NULL REFERENCES addresses (id),
    status varchar(20) NOT NULL DEFAULT 'placed',
    total_cents integer NOT NULL,
    ip_address inet,
    placed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN orders.ip_address IS 'Checkout IP, for fraud screening; nulled after 6 months';

CREATE TABLE order_lines (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    isbn char(13) NOT NULL REFERENCES books (isbn),
    quantity smallint NOT NULL,
    price_cents integer NOT NULL,
    PRIMARY KEY (order_id, isbn)
);

CREATE TABLE payments (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (id),
    psp_reference varchar(40) NOT NULL,
    amount_cents integer NOT NULL,
    status varchar(20) NOT NULL,
    paid_at timestamptz
);

CREATE TABLE newsletter_subscribers (
    id bigserial PRIMARY KEY,
    email varchar(254) NOT NULL UNIQUE,
    first_name varchar(100),
    created_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz,
    unsubscribed_at timestamptz
);

CREATE TABLE consent_log (
    id bigserial PRIMARY KEY,
    email varchar(254) NOT NULL,
    purpose varchar(40) NOT NULL,
    granted boolean NOT NULL,
    wording_version varchar(20) NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE consent_log IS 'Proof of consent: what was shown, when, granted or withdrawn';
