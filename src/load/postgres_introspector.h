// PostgresIntrospector: reads a PostgreSQL database's schema through libpq, read-only.
//
// Connects with a connect_timeout (10 s unless the URL sets one), makes the session
// read-only (default_transaction_read_only, then one READ ONLY REPEATABLE READ
// transaction so the three catalog queries see one snapshot) and reads pg_catalog:
// every ordinary and partitioned table (partitions included) outside the system
// schemas and not owned by an extension, its columns with format_type(), NOT NULL,
// defaults (identity and generated columns spelled out), primary and foreign keys and
// obj_description/col_description comments. Server notices are dropped, and every
// libpq message is scrubbed of the password before it becomes a diagnostic.
#pragma once

#include <optional>

#include "load/database_url.h"
#include "load/live_database.h"
#include "model/diagnostics.h"
#include "model/schema.h"

namespace gdpr::load {

// `url` must be of kind kPostgres (with its password already set, if any). Returns
// nullopt after an error when the server cannot be reached, refuses the login, or a
// catalog query fails.
std::optional<model::Schema> IntrospectPostgres(const DatabaseUrl& url, model::Diagnostics& diags,
                                                const LiveOptions& options);

}  // namespace gdpr::load
