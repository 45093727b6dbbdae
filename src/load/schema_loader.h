// LoadSchema: one schema source as the user names it, either a DDL file (dialect
// sniffed unless given) or a live database URL (`sqlite:path`, `postgresql://...`),
// read into a model::Schema. The one place that decides which reader a source needs,
// shared by `classify`, `scan` and `init`.
#pragma once

#include <optional>
#include <string>

#include "load/file_reader.h"
#include "load/live_database.h"
#include "model/diagnostics.h"
#include "model/schema.h"

namespace gdpr::load {

struct SchemaLoadOptions {
  model::Dialect dialect = model::Dialect::kUnknown;  // kUnknown: sniff from the text
  ReadLimits limits;
  LiveOptions live;
};

// Returns the schema, or nullopt after reporting why it could not be read. Parse
// errors inside a readable file are reported and the tables that parsed are kept.
std::optional<model::Schema> LoadSchema(const std::string& source, model::Diagnostics& diags,
                                        const SchemaLoadOptions& options = {},
                                        const model::SourceLocation& referenced_from = {});

}  // namespace gdpr::load
