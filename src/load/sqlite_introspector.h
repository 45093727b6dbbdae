// SqliteIntrospector: reads a SQLite file's schema through libsqlite3, read-only.
//
// The file is opened as a `file:...?mode=ro` URI with SQLITE_OPEN_READONLY, in defensive
// mode with untrusted schema, and `PRAGMA query_only`: it is never created or changed.
// Tables come from sqlite_master (views and sqlite_* internals left out), columns from
// pragma_table_xinfo, foreign keys from pragma_foreign_key_list. SQLite keeps no
// comments, so Column::comment and Table::comment stay empty; Table::schema is empty.
#pragma once

#include <optional>

#include "load/database_url.h"
#include "load/live_database.h"
#include "model/diagnostics.h"
#include "model/schema.h"

namespace gdpr::load {

// `url` must be of kind kSqlite. Returns nullopt after an error when the file is
// missing, not a SQLite database, or unreadable.
std::optional<model::Schema> IntrospectSqlite(const DatabaseUrl& url, model::Diagnostics& diags,
                                              const LiveOptions& options);

}  // namespace gdpr::load
