// Live databases: reads a schema from a running database's catalog, read-only.
//
// IntrospectDatabase is the one entry point for `url:` datastores and `classify URL`:
// it parses the URL (load/database_url.h), then hands over to the SQLite or PostgreSQL
// introspector. Nothing is ever written: SQLite files are opened read-only (never
// created), PostgreSQL sessions run in a read-only transaction. The password never
// appears in a diagnostic or in Schema::path, which holds the redacted URL.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "model/diagnostics.h"
#include "model/schema.h"

namespace gdpr::load {

struct LiveOptions {
  // --db-password-file: the password is the file's first line; it replaces any password
  // in the URL. Empty: the URL's password, else libpq's own (PGPASSWORD, ~/.pgpass).
  // Ignored for SQLite.
  std::string password_file;
  // Called once per table, in output order, with the table's qualified name, so the
  // CLI can print a progress line on stderr. May be empty.
  std::function<void(const std::string&)> progress;
};

// Reads tables, columns (type, nullability, default), primary and foreign keys and
// comments from the catalog of the database at `url` ("sqlite:path",
// "postgresql://..."). Tables come sorted by schema then name, columns in ordinal order;
// Column::line and Table::line are 0. Returns nullopt after reporting an error (located
// at the redacted URL) when the URL is invalid or the database cannot be read; a single
// table that cannot be read is a warning and is left out.
std::optional<model::Schema> IntrospectDatabase(const std::string& url, model::Diagnostics& diags,
                                                const LiveOptions& options = {});

}  // namespace gdpr::load
