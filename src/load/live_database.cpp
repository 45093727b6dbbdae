#include "load/live_database.h"

#include "load/database_url.h"
#include "load/postgres_introspector.h"
#include "load/sqlite_introspector.h"

namespace gdpr::load {

std::optional<model::Schema> IntrospectDatabase(const std::string& url, model::Diagnostics& diags,
                                                const LiveOptions& options) {
  std::optional<DatabaseUrl> parsed = DatabaseUrl::Parse(url, diags);
  if (!parsed) return std::nullopt;
  if (parsed->kind() == DatabaseKind::kSqlite) return IntrospectSqlite(*parsed, diags, options);
  if (!options.password_file.empty() && !parsed->LoadPasswordFile(options.password_file, diags))
    return std::nullopt;
  return IntrospectPostgres(*parsed, diags, options);
}

}  // namespace gdpr::load
