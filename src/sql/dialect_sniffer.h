// DialectSniffer: guesses which SQL dialect a DDL text is written in.
//
// It weighs cheap textual signals: pg_dump SET lines, `::` casts, `$$` bodies and
// psql `\` commands for PostgreSQL; backticks, `ENGINE=`, `/*!40101` conditional
// comments, AUTO_INCREMENT and DELIMITER for MySQL/MariaDB; AUTOINCREMENT, `sqlite_`
// names, WITHOUT ROWID, virtual tables and `.schema` dot-commands for SQLite. Only the
// first 64 KiB are looked at, so sniffing a large dump costs little.
#pragma once

#include <string_view>

#include "model/schema.h"

namespace gdpr::sql {

// Returns the dialect with the strongest evidence, or kUnknown when there is none
// (for example an empty text, or plain CREATE TABLEs any dialect accepts).
model::Dialect SniffDialect(std::string_view text);

}  // namespace gdpr::sql
