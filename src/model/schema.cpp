#include "model/schema.h"

#include <algorithm>
#include <cctype>

namespace gdpr::model {

const char* DialectName(Dialect d) {
  switch (d) {
    case Dialect::kPostgres: return "postgres";
    case Dialect::kMysql: return "mysql";
    case Dialect::kSqlite: return "sqlite";
    case Dialect::kUnknown: return "unknown";
  }
  return "unknown";
}

Dialect ParseDialect(const std::string& name) {
  std::string n;
  for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "postgres" || n == "postgresql" || n == "pg") return Dialect::kPostgres;
  if (n == "mysql" || n == "mariadb") return Dialect::kMysql;
  if (n == "sqlite" || n == "sqlite3") return Dialect::kSqlite;
  return Dialect::kUnknown;
}

std::string Table::QualifiedName() const { return schema.empty() ? name : schema + "." + name; }

const Column* Table::FindColumn(const std::string& column_name) const {
  for (const Column& c : columns)
    if (c.name == column_name) return &c;
  return nullptr;
}

const Table* Schema::FindTable(const std::string& table_name) const {
  for (const Table& t : tables)
    if (t.name == table_name || t.QualifiedName() == table_name) return &t;
  return nullptr;
}

}  // namespace gdpr::model
