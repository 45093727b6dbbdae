#include "load/declarations_loader.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "load/fides_reader.h"
#include "load/file_reader.h"
#include "load/yaml_parser.h"
#include "util/edit_distance.h"
#include "util/huge_page_heap.h"
#include "util/parallel_for.h"

namespace gdpr::load {
namespace {

bool HasGlob(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

// The ids a user wrote, each with the first entity that has it.
template <typename T>
using FirstById = std::unordered_map<std::string_view, const T*>;

// The positions in `items` of entities whose written id an earlier one (here or in
// `first`) already has, each reported naming both places. Nothing moves, so the ids
// `first` views stay valid: a big estate has thousands of ids and rarely a duplicate.
template <typename T>
std::vector<size_t> FindDuplicateIds(const std::vector<T>& items, FirstById<T>& first, std::string_view kind,
                                     model::Diagnostics& diags) {
  std::vector<size_t> duplicates;
  for (size_t i = 0; i < items.size(); ++i) {
    const T& item = items[i];
    if (item.id.empty() || !item.field_locs.Has("id")) continue;  // only ids the user wrote
    auto [it, inserted] = first.emplace(item.id, &item);
    if (inserted) continue;
    diags.Error(item.At("id"), "duplicate " + std::string(kind) + " id '" + item.id + "'",
                "first declared at " + it->second->At("id").ToString() + "; ids must be unique across all files");
    duplicates.push_back(i);
  }
  return duplicates;
}

// Removes the entities at `positions` (ascending), keeping the order of the rest.
template <typename T>
void DropAt(std::vector<T>& items, const std::vector<size_t>& positions) {
  if (positions.empty()) return;
  size_t kept = 0, next = 0;  // compacted in place: a copy of 20,000 flows is a peak of its own
  for (size_t i = 0; i < items.size(); ++i) {
    if (next < positions.size() && positions[next] == i) {
      ++next;
      continue;
    }
    if (kept != i) items[kept] = std::move(items[i]);
    ++kept;
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept), items.end());
}

// Keeps the first entity of each written id and reports every later one.
template <typename T>
void DropDuplicateIds(std::vector<T>& items, std::string_view kind, model::Diagnostics& diags) {
  FirstById<T> first;
  first.reserve(items.size());
  DropAt(items, FindDuplicateIds(items, first, kind, diags));
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
    : taxonomy_(taxonomy), countries_(countries), diags_(diags) {}

void DeclarationsLoader::AddText(std::string_view text, std::string_view name, const std::string& base_dir) {
  ParsedFile file;
  ParseText(text, name, base_dir, ScanRoot(), file);
  AddParsed(std::string(name), std::move(file));
}

void DeclarationsLoader::AddFile(const std::string& path, const LoadOptions& options) {
  AddParsed(path, ParseFile(path, options));
}

DeclarationsLoader::ParsedFile DeclarationsLoader::ParseFile(const std::string& path,
                                                             const LoadOptions& options) const {
  ParsedFile file;
  auto read = ReadInputFile(path, file.diags, options.limits);
  if (!read) return file;
  // Shared with the diagnostics (ParseYaml sees it is there), not copied.
  auto text = std::make_shared<const std::string>(std::move(*read));
  file.diags.AddSource(path, text);
  ParseText(*text, path, std::filesystem::path(path).parent_path().generic_string(), options.root, file);
  return file;
}

void DeclarationsLoader::ParseText(std::string_view text, std::string_view name, const std::string& base_dir,
                                   const ScanRoot& root, ParsedFile& file) const {
  auto yaml = ParseYaml(text, name, file.diags);
  if (!yaml) return;
  // A parser of its own, reporting to this file's diagnostics: nothing is shared.
  VocabularyChecker vocabulary(taxonomy_, countries_, file.diags);
  DeclarationsParser parser(vocabulary, file.diags);
  parser.SetScanRoot(root);
  file.part = parser.Parse(*yaml, base_dir);
}

void DeclarationsLoader::AddParsed(const std::string& path, ParsedFile&& file) {
  inventory_.files.push_back({path, "declarations"});
  size_t first_diagnostic = diags_.size();
  diags_.Append(std::move(file.diags));
  if (!file.part) return;
  Merge(std::move(*file.part));
  diags_.SortFrom(first_diagnostic);  // fields are checked in reading order; users read top down
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
  parts_.push_back(std::move(part));
}

// Each entity is moved once, into vectors of their final size: appended file by file
// they grew by doubling, moving everything again each time and leaving up to half of
// them as slack for the whole audit.
void DeclarationsLoader::JoinParts() {
  auto join = [this](auto member) {
    auto& to = inventory_.*member;
    size_t total = to.size();
    for (const model::Inventory& part : parts_) total += (part.*member).size();
    to.reserve(total);
    for (model::Inventory& part : parts_)
      for (auto& item : part.*member) to.push_back(std::move(item));
  };
  // The kinds are independent, so they are joined on every core: this runs after the
  // last file is parsed, when nothing else is left to do.
  const std::function<void()> joins[] = {
      [&] { join(&model::Inventory::flows); },
      [&] {
        join(&model::Inventory::purposes);
        join(&model::Inventory::systems);
        join(&model::Inventory::columns);
        join(&model::Inventory::waivers);
      }};
  util::ParallelFor(std::size(joins), [&](size_t i) { joins[i](); });
  for (model::Inventory& part : parts_) inventory_.manifest_schemas.merge(part.manifest_schemas);
  parts_.clear();
}

model::Inventory DeclarationsLoader::Finish() {
  size_t first_diagnostic = diags_.size();
  JoinParts();
  DropDuplicates();
  inventory_.BuildIndex();
  CheckReferences();
  diags_.SortFrom(first_diagnostic);
  return std::move(inventory_);
}

void DeclarationsLoader::DropDuplicates() {
  DropDuplicateIds(inventory_.systems, "system", diags_);
  // The other kinds on every core, each reporting to diagnostics of its own that are
  // appended in this order.
  model::Diagnostics found[3];
  const std::function<void()> drops[] = {
      [&] {
        // Datastore ids are unique across systems: all are found before any is dropped.
        FirstById<model::Datastore> stores;
        std::vector<std::vector<size_t>> duplicate_stores;
        for (const model::System& system : inventory_.systems)
          duplicate_stores.push_back(FindDuplicateIds(system.datastores, stores, "datastore", found[0]));
        for (size_t i = 0; i < inventory_.systems.size(); ++i)
          DropAt(inventory_.systems[i].datastores, duplicate_stores[i]);
      },
      [&] { DropDuplicateIds(inventory_.purposes, "purpose", found[1]); },
      [&] { DropDuplicateIds(inventory_.flows, "flow", found[2]); }};
  util::ParallelFor(std::size(drops), [&](size_t i) { drops[i](); });
  for (model::Diagnostics& d : found) diags_.Append(std::move(d));
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

// Reading, YAML parsing (yaml-cpp is most of the loading time) and reading the tree
// into model types run on every core; the parts join the inventory in file order on
// this thread while later files are still being parsed, so the result does not depend
// on the threads. A window of four files per worker bounds how many parts wait.
void AddFilesInParallel(DeclarationsLoader& loader, const std::vector<std::string>& paths, size_t bytes,
                        const LoadOptions& options) {
  // A large load's YAML trees and model objects are tens of MB of fresh memory in the
  // workers' arenas, and the joined inventory in this thread's: there huge pages take
  // one page fault per 2 MiB instead of 512. A small load would not fill them, so it
  // keeps small pages.
  constexpr size_t kLargeLoad = size_t{2} << 20;
  const bool large = bytes >= kLargeLoad;
  if (large) util::UseHugePagesInThisThreadsArena();  // this thread joins the parts
  using ParsedFile = DeclarationsLoader::ParsedFile;
  util::ParallelProduceInOrder<ParsedFile>(
      paths.size(),
      [&](size_t i) {
        if (large) util::UseHugePagesInThisThreadsArena();
        return loader.ParseFile(paths[i], options);
      },
      [&](size_t i, ParsedFile&& file) { loader.AddParsed(paths[i], std::move(file)); },
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
  AddFilesInParallel(loader, found.declarations, found.declaration_bytes, bounded);
  loader.AddInventory(std::move(fides_part));
  return loader.Finish();
}

}  // namespace gdpr::load
