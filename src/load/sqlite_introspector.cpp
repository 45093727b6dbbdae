#include "load/sqlite_introspector.h"

#include <sqlite3.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <system_error>

namespace gdpr::load {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// A read-only file: URI for `path`: everything but unreserved characters and '/'
// percent-encoded, so '?', '#' and '%' in a file name cannot turn into URI syntax.
//
// Even read-only, SQLite creates "-wal" and "-shm" files next to a WAL-mode database
// and cannot remove them afterwards. When no other process has the file open for
// writing (no -wal or -journal file beside it) we open it `immutable`, which touches
// nothing; otherwise the live writer's WAL must be read, and its -shm already exists.
std::string FileUri(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool quiescent = !fs::exists(path + "-wal", ec) && !fs::exists(path + "-journal", ec);
  static const char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + (quiescent ? "?mode=ro&immutable=1" : "?mode=ro");
}

std::string Text(sqlite3_stmt* st, int column) {
  const unsigned char* text = sqlite3_column_text(st, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

// Declared types are kept as written, with runs of blanks folded to one space.
std::string NormaliseType(const std::string& type) {
  std::string out;
  for (char c : type) {
    bool blank = std::isspace(static_cast<unsigned char>(c));
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class SqliteReader {
 public:
  SqliteReader(const DatabaseUrl& url, model::Diagnostics& diags)
      : url_(url), diags_(diags), where_{url.Redacted(), 0, 0} {}

  bool Open();
  std::optional<std::vector<std::string>> TableNames();
  bool ReadColumns(model::Table& table);
  bool ReadForeignKeys(model::Table& table);

 private:
  Statement Prepare(const char* sql, const std::string& bind = {});
  std::string Error() const { return url_.Scrub(sqlite3_errmsg(db_.get())); }

  const DatabaseUrl& url_;
  model::Diagnostics& diags_;
  model::SourceLocation where_;
  Db db_;
};

bool SqliteReader::Open() {
  namespace fs = std::filesystem;
  const std::string& path = url_.sqlite_path();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    diags_.Error(where_, "SQLite database '" + path + "' does not exist",
                 "check the path; gdpr-audit opens databases read-only and never creates one");
    return false;
  }
  if (!fs::is_regular_file(path, ec)) {
    diags_.Error(where_, "SQLite database '" + path + "' is not a regular file");
    return false;
  }
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(FileUri(path).c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) {
    diags_.Error(where_, "cannot open SQLite database '" + path +
                             "': " + (raw ? Error() : std::string("out of memory")));
    return false;
  }
  // A database file is untrusted input: no schema-defined functions run, no writes.
  sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_exec(raw, "PRAGMA query_only = 1", nullptr, nullptr, nullptr);
  return true;
}

Statement SqliteReader::Prepare(const char* sql, const std::string& bind) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql, -1, &raw, nullptr) != SQLITE_OK) return nullptr;
  Statement st(raw);
  if (!bind.empty()) sqlite3_bind_text(raw, 1, bind.c_str(), -1, SQLITE_TRANSIENT);
  return st;
}

std::optional<std::vector<std::string>> SqliteReader::TableNames() {
  Statement st = Prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
      "ESCAPE '\\' ORDER BY name");
  std::vector<std::string> names;
  int rc = SQLITE_ERROR;
  if (st)
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) names.push_back(Text(st.get(), 0));
  if (rc != SQLITE_DONE) {
    diags_.Error(where_, "cannot read the schema of SQLite database '" + url_.sqlite_path() +
                             "': " + Error());
    return std::nullopt;
  }
  return names;
}

bool SqliteReader::ReadColumns(model::Table& table) {
  // hidden: 0 ordinary, 1 hidden column of a virtual table (left out), 2/3 generated.
  Statement st = Prepare(
      "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1) "
      "ORDER BY cid",
      table.name);
  std::map<int, std::string> key_parts;
  int rc = SQLITE_ERROR;
  while (st && (rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    if (sqlite3_column_int(st.get(), 5) == 1) continue;
    model::Column column;
    column.name = Text(st.get(), 0);
    column.type = NormaliseType(Text(st.get(), 1));
    int pk = sqlite3_column_int(st.get(), 4);
    column.primary_key = pk > 0;
    // Key columns count as NOT NULL, as a DDL reader would take them.
    column.nullable = sqlite3_column_int(st.get(), 2) == 0 && pk == 0;
    column.default_value = Text(st.get(), 3);
    if (pk > 0) key_parts[pk] = column.name;
    table.columns.push_back(std::move(column));
  }
  if (rc != SQLITE_DONE) {
    diags_.Warning(where_, "cannot read the columns of table '" + table.name + "': " + Error(),
                   "the table is left out of the audit");
    return false;
  }
  for (auto& [position, name] : key_parts) table.primary_key.push_back(name);
  return true;
}

bool SqliteReader::ReadForeignKeys(model::Table& table) {
  Statement st = Prepare(
      "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
      table.name);
  int rc = SQLITE_ERROR;
  int current_id = -1;
  while (st && (rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    int id = sqlite3_column_int(st.get(), 0);
    if (id != current_id || table.foreign_keys.empty()) {
      table.foreign_keys.emplace_back();
      table.foreign_keys.back().ref_table = Text(st.get(), 1);
      current_id = id;
    }
    model::ForeignKey& fk = table.foreign_keys.back();
    fk.columns.push_back(Text(st.get(), 2));
    // NULL "to": the reference names no columns and means the parent's primary key.
    if (sqlite3_column_type(st.get(), 3) != SQLITE_NULL)
      fk.ref_columns.push_back(Text(st.get(), 3));
  }
  if (rc != SQLITE_DONE) {
    diags_.Warning(where_,
                   "cannot read the foreign keys of table '" + table.name + "': " + Error());
    return false;
  }
  return true;
}

// A reference without columns points at the parent's primary key: spell it out.
void ResolveImplicitReferences(model::Schema& schema) {
  for (model::Table& table : schema.tables)
    for (model::ForeignKey& fk : table.foreign_keys)
      if (fk.ref_columns.empty())
        if (const model::Table* parent = schema.FindTable(fk.ref_table))
          fk.ref_columns = parent->primary_key;
}

}  // namespace

std::optional<model::Schema> IntrospectSqlite(const DatabaseUrl& url, model::Diagnostics& diags,
                                              const LiveOptions& options) {
  SqliteReader reader(url, diags);
  if (!reader.Open()) return std::nullopt;
  std::optional<std::vector<std::string>> names = reader.TableNames();
  if (!names) return std::nullopt;

  model::Schema schema;
  schema.path = url.Redacted();
  schema.dialect = model::Dialect::kSqlite;
  for (const std::string& name : *names) {
    model::Table table;
    table.name = name;
    if (!reader.ReadColumns(table)) continue;
    reader.ReadForeignKeys(table);
    schema.tables.push_back(std::move(table));
    if (options.progress) options.progress(name);
  }
  ResolveImplicitReferences(schema);
  return schema;
}

}  // namespace gdpr::load
