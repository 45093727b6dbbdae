#include "load/libpq_library.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>

using namespace gdpr::load;

// libpq is a build dependency, so on any machine that built the project it must open,
// with every symbol the introspector calls.
TEST_CASE("load::LibPq opens libpq on first use with every symbol") {
  std::string error = "unset";
  REQUIRE(LibPqAvailable(&error));
  CHECK(error.empty());
  PQconninfoOption* options = pq::PQconndefaults();
  REQUIRE(options != nullptr);
  bool has_host = false;
  for (PQconninfoOption* o = options; o->keyword; ++o) has_host = has_host || std::strcmp(o->keyword, "host") == 0;
  pq::PQconninfoFree(options);
  CHECK(has_host);
}

TEST_CASE("load::LibPq reports a failed connection through the loaded library") {
  REQUIRE(LibPqAvailable());
  const char* keys[] = {"host", "port", "connect_timeout", nullptr};
  const char* values[] = {"/nonexistent-gdpr-audit-socket-dir", "1", "1", nullptr};
  PGconn* conn = pq::PQconnectdbParams(keys, values, 0);
  REQUIRE(conn != nullptr);
  CHECK(pq::PQstatus(conn) == CONNECTION_BAD);
  CHECK(std::string(pq::PQerrorMessage(conn)).size() > 0);
  pq::PQfinish(conn);
}
