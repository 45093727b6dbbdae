#include "load/schema_loader.h"

#include "load/database_url.h"
#include "sql/ddl_parser.h"

namespace gdpr::load {

std::optional<model::Schema> LoadSchema(const std::string& source, model::Diagnostics& diags,
                                        const SchemaLoadOptions& options,
                                        const model::SourceLocation& referenced_from) {
  if (IsDatabaseUrl(source)) return IntrospectDatabase(source, diags, options.live);
  auto read = ReadInputFile(source, diags, options.limits, referenced_from);
  if (!read) return std::nullopt;
  // Shared with the diagnostics, not copied: an estate's DDL is tens of MB.
  auto text = std::make_shared<const std::string>(std::move(*read));
  diags.AddSource(source, text);
  return sql::ParseDdl(*text, source, options.dialect, diags);
}

}  // namespace gdpr::load
