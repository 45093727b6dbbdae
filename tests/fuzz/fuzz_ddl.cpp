// libFuzzer target: the DDL parser must turn any bytes into a schema (and maybe
// diagnostics) in every dialect, without crashing, hanging or reading out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/diagnostics.h"
#include "sql/ddl_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto dialect : {gdpr::model::Dialect::kUnknown, gdpr::model::Dialect::kPostgres,
                       gdpr::model::Dialect::kMysql, gdpr::model::Dialect::kSqlite}) {
    gdpr::model::Diagnostics diags;
    auto schema = gdpr::sql::ParseDdl(text, "fuzz.sql", dialect, diags);
    for (const auto& table : schema.tables)
      if (table.name.empty()) __builtin_trap();  // a table always has a name
  }
  return 0;
}
