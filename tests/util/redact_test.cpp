#include "util/redact.h"

#include <doctest/doctest.h>

using gdpr::util::RedactSecrets;

TEST_CASE("util::RedactSecrets") {
  CHECK(RedactSecrets("url: postgresql://app:s3cret@db.example/shop") ==
        "url: postgresql://app:***@db.example/shop");
  CHECK(RedactSecrets("{ id: x, url: \"postgres://u:p@ss@h:5432/d\" }") ==
        "{ id: x, url: \"postgres://u:***@h:5432/d\" }");
  CHECK(RedactSecrets("postgresql://app@db/shop?password=hunter2&sslmode=require") ==
        "postgresql://app@db/shop?password=***&sslmode=require");
  CHECK(RedactSecrets("host=db PASSWORD=x user=y") == "host=db PASSWORD=*** user=y");
  CHECK(RedactSecrets("https://example.nl/privacy#orders") == "https://example.nl/privacy#orders");
  CHECK(RedactSecrets("sqlite:data/app.db") == "sqlite:data/app.db");
}
