#include "load/declarations_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string_view>
#include <unordered_set>

#include "load/fides_reader.h"
#include "load/file_reader.h"
#include "load/yaml_parser.h"
#include "util/edit_distance.h"
#include "util/parallel_for.h"

namespace gdpr::load {
namespace {

bool HasGlob(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

// Keeps the first entity of each written id and reports every later one, naming both places.
template <typename T>
void DropDuplicateIds(std::vector<T>& items, std::map<std::string, model::SourceLocation>& first,
                      std::string_view kind, model::Diagnostics& diags) {
  size_t kept = 0;  // compacted in place: a copy of 20,000 flows is a peak of its own
  for (size_t i = 0; i < items.size(); ++i) {
    T& item = items[i];
    if (!item.id.empty() && item.field_locs.Has("id")) {  // only ids the user wrote
      auto [it, inserted] = first.emplace(item.id, item.At("id"));
      if (!inserted) {
        diags.Error(item.At("id"), "duplicate " + std::string(kind) + " id '" + item.id + "'",
                    "first declared at " + it->second.ToString() + "; ids must be unique across all files");
        continue;
      }
    }
    if (kept != i) items[kept] = std::move(item);
    ++kept;
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept), items.end());
}

template <typename T>
std::vector<std::string> Ids(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

std::vector<std::string> DatastoreIds(const model::Inventory& inventory) {
  std::vector<std::string> ids;
  for (const model::System& s : inventory.systems)
    for (const model::Datastore& d : s.datastores) ids.push_back(d.id);
  return ids;
}

std::string FirstPart(const std::string& dotted) { return dotted.substr(0, dotted.find('.')); }

// The declared ids, hashed once: checking every reference with a linear Find* made the
// reference checks quadratic (20,000 flows x 2,000 systems on a large estate). Only a
// reference that misses goes on to the Check*Ref functions, which word the error.
struct KnownIds {
  std::unordered_set<std::string_view> systems, datastores, purposes;

  explicit KnownIds(const model::Inventory& inventory) {
    for (const model::System& s : inventory.systems) {
      systems.insert(s.id);
      for (const model::Datastore& d : s.datastores) datastores.insert(d.id);
    }
    for (const model::Purpose& p : inventory.purposes) purposes.insert(p.id);
  }
  static bool Has(const std::unordered_set<std::string_view>& ids, const std::string& id) {
    return id.empty() || ids.count(id) > 0;
  }
};

}  // namespace

DeclarationsLoader::DeclarationsLoader(const analysis::Taxonomy& taxonomy, const analysis::CountryTable& countries,
                                       model::Diagnostics& diags)
    : vocabulary_(taxonomy, countries, diags), parser_(vocabulary_, diags), diags_(diags) {}

void DeclarationsLoader::AddText(std::string_view text, std::string_view name, const std::string& base_dir) {
  inventory_.files.push_back({std::string(name), "declarations"});
  size_t first_diagnostic = diags_.size();
  auto root = ParseYaml(text, name, diags_);
  if (!root) return;
  Merge(parser_.Parse(*root, base_dir));
  diags_.SortFrom(first_diagnostic);  // fields are checked in reading order; users read top down
}

void DeclarationsLoader::AddFile(const std::string& path, const LoadOptions& options) {
  auto text = ReadInputFile(path, diags_, options.limits);
  if (!text) {
    inventory_.files.push_back({path, "declarations"});
    return;
  }
  parser_.SetScanRoot(options.root);
  AddText(*text, path, std::filesystem::path(path).parent_path().generic_string());
}

void DeclarationsLoader::AddParsed(const std::string& path, const LoadOptions& options,
                                   model::Diagnostics&& parse_diags, std::optional<YamlNode> root) {
  inventory_.files.push_back({path, "declarations"});
  size_t first_diagnostic = diags_.size();
  diags_.Append(std::move(parse_diags));
  if (!root) return;
  parser_.SetScanRoot(options.root);
  Merge(parser_.Parse(*root, std::filesystem::path(path).parent_path().generic_string()));
  diags_.SortFrom(first_diagnostic);
}

void DeclarationsLoader::AddInventory(model::Inventory part) {
  for (model::InputFile& file : part.files) inventory_.files.push_back(std::move(file));
  Merge(std::move(part));
}

void DeclarationsLoader::Merge(model::Inventory&& part) {
  if (part.organization) {
    if (inventory_.organization)
      diags_.Error(part.organization->loc, "the organization is declared a second time",
                   "first declared at " + inventory_.organization->loc.ToString() +
                       "; declare it in one file only");
    else
      inventory_.organization = std::move(part.organization);
  }
  auto append = [](auto& to, auto& from) {
    for (auto& item : from) to.push_back(std::move(item));
  };
  append(inventory_.systems, part.systems);
  append(inventory_.purposes, part.purposes);
  append(inventory_.flows, part.flows);
  append(inventory_.columns, part.columns);
  append(inventory_.waivers, part.waivers);
  inventory_.manifest_schemas.merge(part.manifest_schemas);
}

model::Inventory DeclarationsLoader::Finish() {
  size_t first_diagnostic = diags_.size();
  DropDuplicates();
  // Merged file by file, the vectors grew by doubling: up to half of them is slack that
  // would stay for the whole audit.
  inventory_.systems.shrink_to_fit();
  inventory_.purposes.shrink_to_fit();
  inventory_.flows.shrink_to_fit();
  inventory_.columns.shrink_to_fit();
  inventory_.waivers.shrink_to_fit();
  inventory_.BuildIndex();
  CheckReferences();
  diags_.SortFrom(first_diagnostic);
  return std::move(inventory_);
}

void DeclarationsLoader::DropDuplicates() {
  std::map<std::string, model::SourceLocation> systems, stores, purposes, flows;
  DropDuplicateIds(inventory_.systems, systems, "system", diags_);
  for (model::System& system : inventory_.systems) DropDuplicateIds(system.datastores, stores, "datastore", diags_);
  DropDuplicateIds(inventory_.purposes, purposes, "purpose", diags_);
  DropDuplicateIds(inventory_.flows, flows, "flow", diags_);
}

void DeclarationsLoader::CheckSystemRef(const std::string& id, const model::SourceLocation& at,
                                        std::string_view role) const {
  if (id.empty() || inventory_.FindSystem(id)) return;
  std::string hint = util::DidYouMean(id, Ids(inventory_.systems));
  diags_.Error(at, std::string(role) + " names system '" + id + "', which is not declared",
               hint.empty() ? "declare it under 'systems:' (in any of the files)" : hint);
}

void DeclarationsLoader::CheckDatastoreRef(const std::string& id, const model::SourceLocation& at,
                                           std::string_view role) const {
  if (id.empty() || inventory_.FindDatastore(id)) return;
  std::string hint = util::DidYouMean(id, DatastoreIds(inventory_));
  diags_.Error(at, std::string(role) + " names datastore '" + id + "', which is not declared",
               hint.empty() ? "declare it under the 'datastores:' of its system" : hint);
}

void DeclarationsLoader::CheckReferences() const {
  const KnownIds known(inventory_);
  for (const model::Purpose& purpose : inventory_.purposes) {
    for (size_t i = 0; i < purpose.systems.size(); ++i)
      if (!known.Has(known.systems, purpose.systems[i]))
        CheckSystemRef(purpose.systems[i], purpose.At("systems[" + std::to_string(i) + "]"),
                       "purpose '" + purpose.id + "'");
    if (purpose.consent && purpose.consent->record.find('.') != std::string::npos &&
        !known.Has(known.datastores, FirstPart(purpose.consent->record)))
      CheckDatastoreRef(FirstPart(purpose.consent->record), purpose.consent->At("record"),
                        "the consent record of purpose '" + purpose.id + "'");
  }
  for (const model::Flow& flow : inventory_.flows) {
    if (!known.Has(known.systems, flow.from)) CheckSystemRef(flow.from, flow.At("from"), "flow '" + flow.id + "'");
    if (!known.Has(known.systems, flow.to)) CheckSystemRef(flow.to, flow.At("to"), "flow '" + flow.id + "'");
    if (!known.Has(known.purposes, flow.purpose)) {
      std::string hint = util::DidYouMean(flow.purpose, Ids(inventory_.purposes));
      diags_.Error(flow.At("purpose"), "flow '" + flow.id + "' names purpose '" + flow.purpose + "', which is not declared",
                   hint.empty() ? "declare it under 'purposes:' (in any of the files)" : hint);
    }
  }
  for (const model::ColumnAnnotation& column : inventory_.columns) {
    // A malformed match (fewer than three parts) was reported by the parser already.
    std::string store = FirstPart(column.match);
    if (std::count(column.match.begin(), column.match.end(), '.') >= 2 && !HasGlob(store) &&
        !known.Has(known.datastores, store))
      CheckDatastoreRef(store, column.At("match"), "'columns' entry '" + column.match + "'");
  }
  for (const model::Waiver& waiver : inventory_.waivers) CheckWaiverSubject(waiver);
}

// A waiver for an entity that does not exist can never apply: most likely a typo.
void DeclarationsLoader::CheckWaiverSubject(const model::Waiver& waiver) const {
  size_t colon = waiver.subject.find(':');
  if (colon == std::string::npos) return;
  std::string kind = waiver.subject.substr(0, colon), id = waiver.subject.substr(colon + 1);
  if (HasGlob(id)) return;
  std::vector<std::string> ids;
  if (kind == "system") ids = Ids(inventory_.systems);
  else if (kind == "purpose") ids = Ids(inventory_.purposes);
  else if (kind == "flow") ids = Ids(inventory_.flows);
  else if (kind == "datastore") ids = DatastoreIds(inventory_);
  else return;
  if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
  std::string hint = util::DidYouMean(id, ids);
  diags_.Warning(waiver.At("subject"), "waiver subject '" + waiver.subject + "' names no declared " + kind,
                 hint.empty() ? "this waiver can never apply" : hint);
}

namespace {

// Reading and YAML parsing (yaml-cpp is most of the loading time) run on every core;
// the parsed trees join the inventory in file order on this thread while later files
// are still being parsed, so the result does not depend on the threads. A window of
// four files per worker bounds how many parsed trees are alive at once.
void AddFilesInParallel(DeclarationsLoader& loader, const std::vector<std::string>& paths,
                        const LoadOptions& options) {
  struct Parsed {
    model::Diagnostics diags;
    std::optional<YamlNode> root;
  };
  util::ParallelProduceInOrder<Parsed>(
      paths.size(),
      [&](size_t i) {
        Parsed parsed;
        if (auto text = ReadInputFile(paths[i], parsed.diags, options.limits))
          parsed.root = ParseYaml(*text, paths[i], parsed.diags);
        return parsed;
      },
      [&](size_t i, Parsed&& parsed) {
        loader.AddParsed(paths[i], options, std::move(parsed.diags), std::move(parsed.root));
      },
      4 * util::WorkerCount(paths.size()));
}

}  // namespace

model::Inventory LoadDeclarations(const std::vector<std::string>& paths, const analysis::Taxonomy& taxonomy,
                                  const analysis::CountryTable& countries, model::Diagnostics& diags,
                                  const LoadOptions& options) {
  LoadOptions bounded = options;
  bounded.root = ScanRoot::FromPaths(paths.empty() ? std::vector<std::string>{"."} : paths);
  bounded.root.AllowOutside(options.allow_outside_root);
  DiscoveredFiles found = DiscoverDeclarationFiles(paths, diags, bounded);
  // Fides manifests first: their taxonomy files may add custom keys that the
  // declarations files of the same run use too.
  FidesReader fides(taxonomy, countries, diags);
  for (const std::string& path : found.fides)
    if (auto text = ReadInputFile(path, diags, options.limits)) fides.AddText(*text, path);
  model::Inventory fides_part;
  FidesResult fides_result = fides.Finish(fides_part);
  DeclarationsLoader loader(fides_result.taxonomy, countries, diags);
  AddFilesInParallel(loader, found.declarations, bounded);
  loader.AddInventory(std::move(fides_part));
  return loader.Finish();
}

}  // namespace gdpr::load
