#include "load/schema_loader.h"

#include "load/database_url.h"
#include "sql/ddl_parser.h"

namespace gdpr::load {

std::optional<model::Schema> LoadSchema(const std::string& source, model::Diagnostics& diags,
                                        const SchemaLoadOptions& options,
                                        const model::SourceLocation& referenced_from) {
  if (IsDatabaseUrl(source)) return IntrospectDatabase(source, diags, options.live);
  auto text = ReadInputFile(source, diags, options.limits, referenced_from);
  if (!text) return std::nullopt;
  diags.AddSource(source, *text);
  return sql::ParseDdl(*text, source, options.dialect, diags);
}

}  // namespace gdpr::load
