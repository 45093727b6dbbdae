#include "load/postgres_introspector.h"

#include "load/libpq_library.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gdpr::load {
namespace {

struct ConnCloser {
  void operator()(PGconn* conn) const { pq::PQfinish(conn); }
};
struct ResultClearer {
  void operator()(PGresult* result) const { pq::PQclear(result); }
};
using Conn = std::unique_ptr<PGconn, ConnCloser>;
using Result = std::unique_ptr<PGresult, ResultClearer>;

// The user tables: ordinary and partitioned (partitions included), outside the system
// schemas (pg_catalog, pg_toast, pg_temp_N, information_schema; "pg_" is reserved) and
// not created by an extension (PostGIS's spatial_ref_sys is not the user's data).
constexpr const char* kUserTables = R"SQL(
WITH t AS (
  SELECT c.oid, n.nspname, c.relname
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p')
    AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                      AND d.objid = c.oid AND d.deptype = 'e'))
)SQL";

constexpr const char* kTablesQuery = R"SQL(
SELECT t.oid, t.nspname, t.relname,
       coalesce(pg_catalog.obj_description(t.oid, 'pg_class'), '')
FROM t ORDER BY t.nspname COLLATE "C", t.relname COLLATE "C"
)SQL";

// %GENERATED% is a.attgenerated on servers that have it (12+), else ''.
constexpr const char* kColumnsQuery = R"SQL(
SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
       coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), ''),
       coalesce(pg_catalog.col_description(a.attrelid, a.attnum), ''),
       %GENERATED%, a.attidentity
FROM pg_catalog.pg_attribute a
JOIN t ON t.oid = a.attrelid
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
)SQL";

// Primary and foreign keys, one row per key column. %CLONE_FILTER% drops the copies
// PostgreSQL 11+ keeps of a foreign key for each partition of the table it references
// (same referencing table as their parent constraint); a partition's own inherited
// keys are kept, since the partition is a table.
constexpr const char* kKeysQuery = R"SQL(
SELECT con.conrelid, con.oid, con.contype, a.attname,
       coalesce(fn.nspname, ''), coalesce(fc.relname, ''), coalesce(fa.attname, '')
FROM pg_catalog.pg_constraint con
JOIN t ON t.oid = con.conrelid
CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, fattnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.fattnum
WHERE con.contype IN ('p', 'f') %CLONE_FILTER%
ORDER BY con.conrelid, con.contype DESC, con.conname COLLATE "C", con.oid, k.ord
)SQL";

constexpr const char* kCloneFilter = R"SQL(
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint parent
                  WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid))SQL";

void IgnoreNotice(void*, const char*) {}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t pos = text.find(from);
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

// libpq messages end in newlines and may span lines ("FATAL: ...\nDETAIL: ..."): one
// line, scrubbed of the password.
std::string OneLine(const DatabaseUrl& url, const std::string& message) {
  std::string line;
  for (char c : message) {
    bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (blank && (line.empty() || line.back() == ' ')) continue;
    line += blank ? ' ' : c;
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return url.Scrub(line);
}

class PostgresReader {
 public:
  PostgresReader(const DatabaseUrl& url, model::Diagnostics& diags)
      : url_(url), diags_(diags), where_{url.Redacted(), 0, 0} {}

  bool Connect();
  bool BeginReadOnly();
  std::optional<model::Schema> ReadSchema(const LiveOptions& options);

 private:
  Result Query(const std::string& sql, const char* what);
  bool Command(const char* sql);
  void ReadColumns(const PGresult* rows, model::Schema& schema,
                   const std::map<std::string, size_t>& by_oid);
  void ReadKeys(const PGresult* rows, model::Schema& schema,
                const std::map<std::string, size_t>& by_oid);

  const DatabaseUrl& url_;
  model::Diagnostics& diags_;
  model::SourceLocation where_;
  Conn conn_;
};

bool PostgresReader::Connect() {
  std::vector<std::pair<std::string, std::string>> params = url_.PostgresParams();
  std::vector<const char*> keywords, values;
  for (const auto& [key, value] : params) {
    keywords.push_back(key.c_str());
    values.push_back(value.c_str());
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  conn_.reset(pq::PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1));
  if (!conn_) {
    diags_.Error(where_, "cannot connect: out of memory");
    return false;
  }
  if (pq::PQstatus(conn_.get()) != CONNECTION_OK) {
    std::string message = OneLine(url_, pq::PQerrorMessage(conn_.get()));
    bool auth = message.find("password") != std::string::npos ||
                message.find("authentication") != std::string::npos;
    diags_.Error(
        where_, "cannot connect: " + message,
        auth ? "give the password in the URL, with --db-password-file, PGPASSWORD or ~/.pgpass"
             : "check host, port and database name, and that the server accepts connections");
    return false;
  }
  pq::PQsetNoticeProcessor(conn_.get(), IgnoreNotice, nullptr);
  return true;
}

bool PostgresReader::Command(const char* sql) {
  Result result(pq::PQexec(conn_.get(), sql));
  if (pq::PQresultStatus(result.get()) == PGRES_COMMAND_OK) return true;
  diags_.Error(where_,
               "cannot start a read-only session: " + OneLine(url_, pq::PQerrorMessage(conn_.get())));
  return false;
}

// Read-only twice over: the session default, and the transaction we read in. One
// REPEATABLE READ snapshot keeps tables, columns and keys consistent with each other.
bool PostgresReader::BeginReadOnly() {
  return Command("SET default_transaction_read_only = on") &&
         Command("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY") &&
         Command("SET LOCAL search_path = pg_catalog") &&
         Command("SET LOCAL statement_timeout = '300s'");
}

Result PostgresReader::Query(const std::string& sql, const char* what) {
  Result result(pq::PQexec(conn_.get(), sql.c_str()));
  if (pq::PQresultStatus(result.get()) == PGRES_TUPLES_OK) return result;
  diags_.Error(where_, std::string("cannot read the ") + what + ": " +
                           OneLine(url_, pq::PQerrorMessage(conn_.get())));
  return nullptr;
}

std::string Value(const PGresult* rows, int row, int column) {
  return pq::PQgetvalue(rows, row, column);
}

std::string DefaultOf(const std::string& expression, const std::string& generated,
                      const std::string& identity) {
  if (identity == "a") return "generated always as identity";
  if (identity == "d") return "generated by default as identity";
  if (generated == "s") return "generated always as (" + expression + ") stored";
  return expression;
}

void PostgresReader::ReadColumns(const PGresult* rows, model::Schema& schema,
                                 const std::map<std::string, size_t>& by_oid) {
  for (int row = 0; row < pq::PQntuples(rows); ++row) {
    auto table = by_oid.find(Value(rows, row, 0));
    if (table == by_oid.end()) continue;
    model::Column column;
    column.name = Value(rows, row, 1);
    column.type = Value(rows, row, 2);
    column.nullable = Value(rows, row, 3) != "t";
    column.default_value = DefaultOf(Value(rows, row, 4), Value(rows, row, 6), Value(rows, row, 7));
    column.comment = Value(rows, row, 5);
    schema.tables[table->second].columns.push_back(std::move(column));
  }
}

void PostgresReader::ReadKeys(const PGresult* rows, model::Schema& schema,
                              const std::map<std::string, size_t>& by_oid) {
  std::string current_constraint;
  for (int row = 0; row < pq::PQntuples(rows); ++row) {
    auto found = by_oid.find(Value(rows, row, 0));
    if (found == by_oid.end()) continue;
    model::Table& table = schema.tables[found->second];
    std::string column = Value(rows, row, 3);
    if (Value(rows, row, 2) == "p") {
      table.primary_key.push_back(column);
      for (model::Column& c : table.columns)
        if (c.name == column) c.primary_key = true;
      continue;
    }
    if (Value(rows, row, 1) != current_constraint) {
      current_constraint = Value(rows, row, 1);
      model::ForeignKey fk;
      fk.ref_schema = Value(rows, row, 4);
      fk.ref_table = Value(rows, row, 5);
      table.foreign_keys.push_back(std::move(fk));
    }
    table.foreign_keys.back().columns.push_back(column);
    table.foreign_keys.back().ref_columns.push_back(Value(rows, row, 6));
  }
}

std::optional<model::Schema> PostgresReader::ReadSchema(const LiveOptions& options) {
  int version = pq::PQserverVersion(conn_.get());
  std::string columns_sql =
      Replace(kColumnsQuery, "%GENERATED%", version >= 120000 ? "a.attgenerated" : "''");
  std::string keys_sql =
      Replace(kKeysQuery, "%CLONE_FILTER%", version >= 110000 ? kCloneFilter : "");
  Result tables = Query(std::string(kUserTables) + kTablesQuery, "tables");
  if (!tables) return std::nullopt;
  Result columns = Query(kUserTables + columns_sql, "columns");
  if (!columns) return std::nullopt;
  Result keys = Query(kUserTables + keys_sql, "keys");
  if (!keys) return std::nullopt;

  model::Schema schema;
  schema.path = url_.Redacted();
  schema.dialect = model::Dialect::kPostgres;
  std::map<std::string, size_t> by_oid;
  for (int row = 0; row < pq::PQntuples(tables.get()); ++row) {
    model::Table table;
    table.schema = Value(tables.get(), row, 1);
    table.name = Value(tables.get(), row, 2);
    table.comment = Value(tables.get(), row, 3);
    by_oid[Value(tables.get(), row, 0)] = schema.tables.size();
    schema.tables.push_back(std::move(table));
  }
  ReadColumns(columns.get(), schema, by_oid);
  ReadKeys(keys.get(), schema, by_oid);
  if (options.progress)
    for (const model::Table& table : schema.tables) options.progress(table.QualifiedName());
  Result end(pq::PQexec(conn_.get(), "ROLLBACK"));
  return schema;
}

}  // namespace

std::optional<model::Schema> IntrospectPostgres(const DatabaseUrl& url, model::Diagnostics& diags,
                                                const LiveOptions& options) {
  std::string why;
  if (!LibPqAvailable(&why)) {
    diags.Error({url.Redacted(), 0, 0}, "cannot connect: the PostgreSQL client library (libpq) could not be loaded: " + why,
                "install libpq (Debian: libpq5) to read live PostgreSQL databases");
    return std::nullopt;
  }
  PostgresReader reader(url, diags);
  if (!reader.Connect() || !reader.BeginReadOnly()) return std::nullopt;
  return reader.ReadSchema(options);
}

}  // namespace gdpr::load
