#include "load/fides_reader.h"

#include <algorithm>
#include <set>
#include <utility>

#include "load/fides_fields.h"
#include "load/fides_vocabulary.h"
#include "load/retention_text.h"
#include "load/yaml_parser.h"
#include "util/edit_distance.h"

namespace gdpr::load {
namespace {

using analysis::TaxonomyKind;
using model::SourceLocation;

std::string Q(std::string_view s) { return "'" + std::string(s) + "'"; }

// The top-level resource lists of fideslang and what they are in the taxonomy.
struct TaxonomySection {
  const char* key;
  TaxonomyKind kind;
};
constexpr TaxonomySection kTaxonomySections[] = {{"data_category", TaxonomyKind::kDataCategory},
                                                 {"data_use", TaxonomyKind::kDataUse},
                                                 {"data_subject", TaxonomyKind::kDataSubject}};
constexpr const char* kOtherFidesResources[] = {"system",   "dataset",    "organization", "policy",
                                                "registry", "evaluation", "data_qualifier"};

struct ParsedManifest {
  const std::string* name;
  const YamlNode* root;
  IgnoredFields ignored;
};

struct Item {
  ParsedManifest* manifest;
  const YamlNode* node;
};

struct DatasetEntry {
  model::Datastore datastore;
  model::Schema schema;
  std::vector<model::ColumnAnnotation> annotations;
  std::vector<std::pair<std::string, SourceLocation>> transfers;  // alpha-2 codes
  std::string owner;                                              // system id once referenced
};

// A flow written as egress or ingress of a system or of one of its privacy declarations.
struct Edge {
  std::string system;  // the declaring system
  std::string other;   // the system at the other end
  bool egress = true;  // declaring system -> other
  std::string purpose;
  std::vector<std::string> categories;
  SourceLocation loc;
};

struct SystemExtras {  // what a system says that lands on its purposes or recipients
  std::vector<std::pair<std::string, SourceLocation>> transfers;
  std::string mechanism;
  std::string dpia;
  std::optional<bool> profiling;
  std::string privacy_notice;
};

void AppendUnique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const std::string& s : from)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

class Mapper {
 public:
  Mapper(analysis::Taxonomy& taxonomy, const analysis::CountryTable& countries, model::Diagnostics& diags,
         model::Inventory& into)
      : taxonomy_(taxonomy), countries_(countries), diags_(diags), into_(into) {}

  void Run(std::vector<ParsedManifest>& manifests) {
    for (ParsedManifest& m : manifests) Collect(m);
    ReadTaxonomyExtensions();
    for (const Item& item : organizations_) ReadOrganization(item);
    for (const Item& item : datasets_) ReadDataset(item);
    CollectSystemKeys();
    for (const Item& item : systems_) ReadSystem(item);
    AddUnreferencedDatasets();
    ResolveEdges();
    for (ParsedManifest& m : manifests) {
      m.ignored.Report(diags_);
      into_.files.push_back({*m.name, "fides"});
    }
  }

 private:
  // Sorts the top-level resources of a manifest into their kinds.
  void Collect(ParsedManifest& m) {
    for (const YamlEntry& e : m.root->entries) {
      const std::string& key = e.first.scalar;
      auto add = [&](std::vector<Item>& to) {
        for (const YamlNode* n : ItemsOf(&e.second)) {
          if (n->IsMap()) to.push_back({&m, n});
          else diags_.Error(n->Location(), "a Fides " + key + " is a mapping, found " + n->KindName());
        }
      };
      if (key == "system") add(systems_);
      else if (key == "dataset") add(datasets_);
      else if (key == "organization") add(organizations_);
      else if (key == "data_category" || key == "data_use" || key == "data_subject") add(taxonomy_items_[key]);
      else if (!IsEmptyValue(e.second)) {
        m.ignored.Add(key, e.first);
      }
    }
  }

  // ---- taxonomy keys -------------------------------------------------------------------

  // The current key for `node`'s value: itself, its replacement (warning) or nullopt (error).
  std::optional<std::string> Key(TaxonomyKind kind, const YamlNode& node) {
    const char* what = analysis::TaxonomyKindName(kind);
    if (!node.IsScalar() || node.scalar.empty()) {
      diags_.Error(node.Location(), std::string("expected a ") + what + " key, found " + node.KindName());
      return std::nullopt;
    }
    if (taxonomy_.Contains(kind, node.scalar)) return node.scalar;
    if (auto current = taxonomy_.Replacement(kind, node.scalar)) {
      diags_.Warning(node.Location(),
                     Q(node.scalar) + " is a deprecated fideslang " + what + "; it now reads " + Q(*current),
                     "write " + Q(*current) + " (fideslang 2.0 renamed it)");
      return current;
    }
    diags_.Error(node.Location(), std::string("unknown ") + what + " " + Q(node.scalar),
                 taxonomy_.Suggest(kind, node.scalar));
    return std::nullopt;
  }

  std::vector<std::string> Keys(TaxonomyKind kind, const YamlNode* list) {
    std::vector<std::string> keys;
    for (const YamlNode* item : ItemsOf(list))
      if (auto key = Key(kind, *item)) AppendUnique(keys, {*key});
    return keys;
  }

  void ReadTaxonomyExtensions() {
    for (const TaxonomySection& section : kTaxonomySections) {
      std::vector<Item> items = taxonomy_items_[section.key];
      // Parents before children, so a custom key may extend another custom key.
      std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        auto dots = [](const Item& i) {
          const YamlNode* k = i.node->Find("fides_key");
          return k ? std::count(k->scalar.begin(), k->scalar.end(), '.') : 0;
        };
        return dots(a) < dots(b);
      });
      for (const Item& item : items) ReadCustomKey(section, item);
    }
  }

  void ReadCustomKey(const TaxonomySection& section, const Item& item) {
    FidesMap m(*item.node, section.key, item.manifest->ignored);
    const YamlNode* key_node = m.Get("fides_key");
    if (!key_node || !key_node->IsScalar() || key_node->scalar.empty()) {
      diags_.Error(item.node->Location(), std::string("a Fides ") + section.key + " needs a 'fides_key'");
      return;
    }
    const std::string key = key_node->scalar;
    analysis::TaxonomyEntry entry;
    entry.description = m.Str("description");
    if (entry.description.empty()) entry.description = m.Str("name");
    m.Consume("name");
    if (taxonomy_.Contains(section.kind, key) || taxonomy_.Replacement(section.kind, key)) return;  // not custom
    entry.key = key;
    const YamlNode* parent_node = m.Get("parent_key");
    if (parent_node && parent_node->IsScalar() && !parent_node->scalar.empty()) {
      const std::string parent = parent_node->scalar;
      if (auto current = taxonomy_.Replacement(section.kind, parent)) {
        entry.key = Taxonomy::IsUnder(key, parent) ? *current + key.substr(parent.size())
                                                   : *current + "." + key.substr(key.rfind('.') + 1);
        diags_.Warning(key_node->Location(),
                       "custom " + std::string(analysis::TaxonomyKindName(section.kind)) + " " + Q(key) +
                           " extends the deprecated " + Q(parent) + ": read as " + Q(entry.key),
                       "give it the parent_key " + Q(*current));
        taxonomy_.AddReplacement(section.kind, key, entry.key);
      } else if (!taxonomy_.Contains(section.kind, parent)) {
        diags_.Error(parent_node->Location(),
                     std::string("unknown parent ") + analysis::TaxonomyKindName(section.kind) + " " + Q(parent),
                     taxonomy_.Suggest(section.kind, parent));
        return;
      }
    }
    taxonomy_.AddCustom(section.kind, entry);
    diags_.Note(key_node->Location(), "custom " + std::string(analysis::TaxonomyKindName(section.kind)) + " " +
                                          Q(entry.key) + " added to the taxonomy of this run");
  }
  using Taxonomy = analysis::Taxonomy;

  // ---- organization --------------------------------------------------------------------

  std::optional<model::Contact> ReadContact(FidesMap& parent, std::string_view key) {
    const YamlNode* node = parent.Get(key);
    if (!node || !node->IsMap()) return std::nullopt;
    FidesMap c(*node, parent.prefix() + "." + std::string(key), ignored_now_->ignored);
    model::Contact contact{c.Str("name"), c.Str("email")};
    if (contact.name.empty() && contact.email.empty()) return std::nullopt;
    return contact;
  }

  void ReadOrganization(const Item& item) {
    ignored_now_ = item.manifest;
    FidesMap m(*item.node, "organization", item.manifest->ignored);
    std::string key = m.Str("fides_key");
    if (into_.organization) {
      diags_.Warning(item.node->Location(), "the organization is already declared; Fides organization " + Q(key) + " is not read",
                     "first declared at " + into_.organization->loc.ToString());
      for (const YamlEntry& e : item.node->entries) m.Consume(e.first.scalar);
      return;
    }
    model::Organization org;
    org.loc = item.node->Location();
    org.name = m.Str("name");
    if (const YamlNode* n = m.Get("name")) org.SetFieldLoc("name", n->Location());
    org.description = m.Str("description");
    org.dpo = ReadContact(m, "data_protection_officer");
    if (org.dpo) org.SetFieldLoc("dpo", m.node().FindKey("data_protection_officer")->Location());
    org.representative = ReadContact(m, "representative");
    if (org.representative) org.SetFieldLoc("representative", m.node().FindKey("representative")->Location());
    into_.organization = std::move(org);
  }

  // ---- datasets ------------------------------------------------------------------------

  std::optional<std::string> Country(const YamlNode& node) {
    std::string code = node.scalar;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const analysis::Country* country = code.size() == 3 ? countries_.FindAlpha3(code) : countries_.Find(code);
    if (!country || !node.IsScalar()) {
      diags_.Error(node.Location(), "unknown country " + Q(node.scalar),
                   "Fides writes ISO 3166-1 alpha-3 codes (USA, CAN, GBR); " + countries_.Suggest(code));
      return std::nullopt;
    }
    return country->code;
  }

  void ReadTransfers(const YamlNode* list, std::vector<std::pair<std::string, SourceLocation>>& to) {
    for (const YamlNode* n : ItemsOf(list))
      if (auto code = Country(*n)) to.emplace_back(*code, n->Location());
  }

  // A key's value must be a single, non-empty value; reports and returns "" otherwise.
  std::string RequiredKey(FidesMap& m, const std::string& what) {
    const YamlNode* n = m.Get("fides_key");
    if (!n || !n->IsScalar() || n->scalar.empty()) {
      diags_.Error(m.node().Location(), "a Fides " + what + " needs a 'fides_key'");
      return "";
    }
    return n->scalar;
  }

  void ReadDataset(const Item& item) {
    FidesMap m(*item.node, "dataset", item.manifest->ignored);
    std::string key = RequiredKey(m, "dataset");
    if (key.empty()) return;
    if (auto it = datasets_by_key_.find(key); it != datasets_by_key_.end()) {
      Duplicate("dataset", key, m, it->second.datastore.loc);
      return;
    }
    DatasetEntry e;
    e.datastore.id = key;
    e.datastore.loc = item.node->Location();
    e.datastore.SetFieldLoc("id", m.node().Find("fides_key")->Location());
    e.schema.path = *item.manifest->name;
    m.Consume("name");
    m.Consume("description");
    ReadTransfers(m.Get("third_country_transfers"), e.transfers);
    for (const YamlNode* coll : ItemsOf(m.Get("collections"))) ReadCollection(*coll, key, item, e);
    datasets_by_key_.emplace(key, std::move(e));
    dataset_order_.push_back(key);
  }

  void ReadCollection(const YamlNode& node, const std::string& dataset, const Item& item, DatasetEntry& e) {
    FidesMap c(node, "dataset.collections", item.manifest->ignored);
    model::Table table;
    table.name = c.Str("name");
    table.line = node.line;
    table.comment = c.Str("description");
    if (table.name.empty()) {
      diags_.Error(node.Location(), "a Fides collection needs a 'name'");
      return;
    }
    ReadFields(c.Get("fields"), "", dataset, table, item, e);
    e.schema.tables.push_back(std::move(table));
  }

  void ReadFields(const YamlNode* fields, const std::string& prefix, const std::string& dataset, model::Table& table,
                  const Item& item, DatasetEntry& e) {
    for (const YamlNode* node : ItemsOf(fields)) {
      FidesMap f(*node, "dataset.collections.fields", item.manifest->ignored);
      model::Column column;
      column.name = prefix + f.Str("name");
      column.line = node->line;
      column.comment = f.Str("description");
      if (column.name == prefix) {
        diags_.Error(node->Location(), "a Fides field needs a 'name'");
        continue;
      }
      if (const YamlNode* meta = f.Get("fides_meta"); meta && meta->IsMap()) {
        FidesMap fm(*meta, "dataset.collections.fields.fides_meta", item.manifest->ignored);
        column.type = fm.Str("data_type");
        column.primary_key = fm.Str("primary_key") == "true" || fm.Str("primary_key") == "True";
      }
      if (const YamlNode* cats = f.Get("data_categories"); cats && !IsEmptyValue(*cats)) {
        model::ColumnAnnotation a;
        a.loc = node->Location();
        a.SetFieldLoc("categories", cats->Location());
        a.match = dataset + "." + table.name + "." + column.name;
        std::vector<std::string> keys = Keys(TaxonomyKind::kDataCategory, cats);
        // `system.*` is data about the system, not about a person: in our format a column
        // without user categories is explicitly not personal data.
        for (const std::string& key : keys)
          if (!analysis::Taxonomy::IsUnder(key, "system")) a.categories.push_back(key);
        // Only unknown keys: reported already, and an empty list would read "not personal".
        if (!keys.empty()) e.annotations.push_back(std::move(a));
      }
      table.columns.push_back(column);
      ReadFields(f.Get("fields"), column.name + ".", dataset, table, item, e);
    }
  }

  void Duplicate(const std::string& what, const std::string& key, FidesMap& m, const SourceLocation& first) {
    diags_.Warning(m.node().Location(), "Fides " + what + " " + Q(key) + " is declared again; this copy is not read",
                   "first declared at " + first.ToString() + " (Fides keeps one resource per fides_key)");
    for (const YamlEntry& e : m.node().entries) m.Consume(e.first.scalar);
  }

  // Gives dataset `key` to `system` (its first referencing system), with its transfers.
  void UseDataset(const YamlNode& ref, model::System& system, SystemExtras& extras) {
    const std::string& key = ref.scalar;
    auto it = datasets_by_key_.find(key);
    if (it == datasets_by_key_.end()) {
      if (into_.FindDatastore(key)) return;  // a datastore of our own declarations
      // Datasets are often kept (or generated) apart from the systems: the audit can go
      // on, it only cannot see that dataset's columns.
      std::string hint = util::DidYouMean(key, dataset_order_);
      diags_.Warning(ref.Location(), "Fides dataset " + Q(key) + " is not among the manifests read; its columns are not audited",
                     hint.empty() ? "add the dataset manifest to the paths given" : hint);
      return;
    }
    DatasetEntry& e = it->second;
    if (e.owner == system.id) return;
    if (!e.owner.empty()) {
      diags_.Note(ref.Location(), "dataset " + Q(key) + " is also used by system " + Q(system.id),
                  "a datastore belongs to one system: it stays with " + Q(e.owner));
      return;
    }
    e.owner = system.id;
    e.datastore.system_id = system.id;
    system.datastores.push_back(e.datastore);
    extras.transfers.insert(extras.transfers.end(), e.transfers.begin(), e.transfers.end());
  }

  void AddDataset(const std::string& key) {
    DatasetEntry& e = datasets_by_key_.at(key);
    into_.manifest_schemas[key] = e.schema;
    into_.columns.insert(into_.columns.end(), e.annotations.begin(), e.annotations.end());
  }

  // A dataset no system uses becomes a system of its own, so its columns are audited.
  void AddUnreferencedDatasets() {
    for (const std::string& key : dataset_order_) {
      DatasetEntry& e = datasets_by_key_.at(key);
      if (e.owner.empty()) {
        model::System s;
        s.id = key;
        s.name = key;
        s.loc = e.datastore.loc;
        s.SetFieldLoc("id", e.datastore.At("id"));
        diags_.Note(e.datastore.loc, "no Fides system references dataset " + Q(key) + "; it is audited as system " + Q(key),
                    "list it under a system's dataset_references");
        e.owner = key;
        e.datastore.system_id = key;
        s.datastores.push_back(e.datastore);
        SystemExtras extras;
        extras.transfers = e.transfers;
        into_.systems.push_back(std::move(s));
        AddRecipients(key, key, extras);
      }
      AddDataset(key);
    }
  }

  // ---- systems -------------------------------------------------------------------------

  void ReadResponsibility(FidesMap& m, model::System& s) {
    const YamlNode* node = m.Get("data_responsibility_title");        // fideslang 1.x
    if (!node) node = m.Get("responsibility");                          // fideslang 2.x, 3.x: a list
    std::vector<const YamlNode*> items = ItemsOf(node);
    if (items.empty()) return;
    if (auto r = FidesResponsibility(items[0]->scalar)) {
      s.responsibility = *r;
      s.SetFieldLoc("responsibility", items[0]->Location());
    } else {
      diags_.Error(items[0]->Location(), "unknown Fides responsibility " + Q(items[0]->scalar),
                   util::DidYouMean(items[0]->scalar, FidesResponsibilityNames()));
    }
    if (items.size() > 1)
      diags_.Note(items[1]->Location(), "system " + Q(s.id) + " lists several responsibilities; the first is used");
  }

  void ReadDpia(FidesMap& m, SystemExtras& extras) {
    if (const YamlNode* dpia = m.Get("data_protection_impact_assessment"); dpia && dpia->IsMap()) {
      FidesMap d(*dpia, "system.data_protection_impact_assessment", ignored_now_->ignored);
      extras.dpia = d.Str("link");
    }
    if (std::string location = m.Str("impact_assessment_location"); !location.empty()) extras.dpia = location;
  }

  void ReadSystemTransfers(FidesMap& m, model::System& s, SystemExtras& extras) {
    ReadTransfers(m.Get("third_country_transfers"), extras.transfers);
    for (const YamlNode* n : ItemsOf(m.Get("legal_basis_for_transfers"))) {
      if (auto mech = FidesTransferMechanism(n->scalar)) {
        if (extras.mechanism.empty()) extras.mechanism = *mech;
      } else {
        diags_.Warning(n->Location(), "transfer basis " + Q(n->scalar) + " has no equivalent mechanism",
                       "gdpr-audit knows adequacy, dpf, scc, bcr and derogation");
      }
    }
    const YamlNode* intl = m.Get("does_international_transfers");
    if (intl && (intl->scalar == "true" || intl->scalar == "True") && extras.transfers.empty())
      diags_.Warning(intl->Location(), "system " + Q(s.id) + " does international transfers but names no country",
                     "add third_country_transfers (ISO alpha-3 codes) so the transfers can be audited");
  }

  // Egress/ingress entries: a system (a flow) or a dataset (the system's datastore).
  void ReadEdges(const YamlNode* list, bool egress, const std::string& purpose, FidesMap& owner,
                 model::System& s, SystemExtras& extras) {
    for (const YamlNode* n : ItemsOf(list)) {
      const YamlNode* key = n;
      std::string type;
      std::vector<std::string> categories;
      if (n->IsMap()) {
        FidesMap e(*n, owner.prefix() + (egress ? ".egress" : ".ingress"), ignored_now_->ignored);
        key = e.Get("fides_key");
        type = e.Str("type");
        categories = Keys(TaxonomyKind::kDataCategory, e.Get("data_categories"));
        if (!key) {
          diags_.Error(n->Location(), "an egress or ingress entry needs a 'fides_key'");
          continue;
        }
      }
      bool dataset = type == "dataset" || (type.empty() && datasets_by_key_.count(key->scalar));
      if (type.empty() && !dataset && !system_keys_.count(key->scalar) && !into_.FindSystem(key->scalar)) {
        UseDataset(*key, s, extras);  // neither a known system nor dataset: most likely a dataset kept elsewhere
        continue;
      }
      if (dataset) {
        UseDataset(*key, s, extras);
        continue;
      }
      edges_.push_back({s.id, key->scalar, egress, purpose, categories, key->Location()});
    }
  }

  void CollectSystemKeys() {
    for (const Item& item : systems_)
      if (const YamlNode* k = item.node->Find("fides_key"); k && k->IsScalar()) system_keys_.insert(k->scalar);
  }

  void ReadSystem(const Item& item) {
    ignored_now_ = item.manifest;
    FidesMap m(*item.node, "system", item.manifest->ignored);
    std::string key = RequiredKey(m, "system");
    if (key.empty()) return;
    if (auto it = system_locs_.find(key); it != system_locs_.end()) return Duplicate("system", key, m, it->second);
    model::System s;
    s.id = key;
    s.loc = item.node->Location();
    s.SetFieldLoc("id", m.node().Find("fides_key")->Location());
    system_locs_.emplace(key, s.loc);
    s.name = m.Str("name");
    s.description = m.Str("description");
    ReadResponsibility(m, s);
    if (!m.Str("joint_controller_info").empty() || (m.Get("joint_controller") && !IsEmptyValue(*m.Get("joint_controller"))))
      if (s.responsibility == model::Responsibility::kController) s.responsibility = model::Responsibility::kJointController;
    s.processor_agreement = m.Str("dpa_location");
    if (!s.processor_agreement.empty()) s.SetFieldLoc("processor_agreement", m.Get("dpa_location")->Location());
    SystemExtras extras;
    ReadSystemTransfers(m, s, extras);
    ReadDpia(m, extras);
    if (const YamlNode* p = m.Get("uses_profiling"); p && p->IsScalar()) extras.profiling = p->scalar == "true" || p->scalar == "True";
    extras.privacy_notice = m.Str("privacy_policy");
    for (const YamlNode* ref : ItemsOf(m.Get("dataset_references"))) UseDataset(*ref, s, extras);
    ReadEdges(m.Get("egress"), true, "", m, s, extras);
    ReadEdges(m.Get("ingress"), false, "", m, s, extras);
    size_t first_purpose = into_.purposes.size();
    std::set<std::string> purpose_ids;
    for (const YamlNode* decl : ItemsOf(m.Get("privacy_declarations")))
      ReadDeclaration(*decl, s, extras, purpose_ids);
    ApplyExtras(first_purpose, extras);
    purposes_of_[s.id] = {first_purpose, into_.purposes.size()};
    into_.systems.push_back(std::move(s));
    AddRecipients(into_.systems.back().id, into_.systems.back().name, extras);
  }

  void ApplyExtras(size_t first_purpose, const SystemExtras& extras) {
    for (size_t i = first_purpose; i < into_.purposes.size(); ++i) {
      model::Purpose& p = into_.purposes[i];
      if (p.dpia.empty()) p.dpia = extras.dpia;
      if (!p.profiling) p.profiling = extras.profiling;
      if (p.privacy_notice.empty()) p.privacy_notice = extras.privacy_notice;
    }
  }

  // ---- privacy declarations ------------------------------------------------------------

  void ReadRetention(FidesMap& d, model::Purpose& p) {
    const YamlNode* node = d.Get("retention_period");
    if (!node || !node->IsScalar() || node->scalar.empty()) return;
    model::Retention r;
    r.loc = node->Location();
    r.text = node->scalar;
    if (auto parsed = ParseRetentionText(node->scalar)) {
      r.period = parsed->period;
      r.from = parsed->from;
    } else {
      diags_.Warning(node->Location(), "retention_period " + Q(node->scalar) + " is not machine-checkable",
                     "write a period such as '3 years' or '30 days after account deletion'");
    }
    p.SetFieldLoc("retention", node->Location());
    p.retention = std::move(r);
  }

  void ReadLegalBases(FidesMap& d, model::Purpose& p) {
    if (const YamlNode* n = d.Get("legal_basis_for_processing"); n && n->IsScalar() && !n->scalar.empty()) {
      if (auto basis = FidesLegalBasis(n->scalar)) {
        p.legal_basis = *basis;
        p.SetFieldLoc("legal_basis", n->Location());
      } else {
        diags_.Error(n->Location(), "unknown legal_basis_for_processing " + Q(n->scalar),
                     util::DidYouMean(n->scalar, FidesLegalBasisNames()));
      }
    }
    if (const YamlNode* n = d.Get("special_category_legal_basis"); n && n->IsScalar() && !n->scalar.empty()) {
      if (auto condition = FidesSpecialCategoryCondition(n->scalar)) {
        p.special_category_condition = *condition;
        p.SetFieldLoc("special_category_condition", n->Location());
      } else {
        diags_.Error(n->Location(), "unknown special_category_legal_basis " + Q(n->scalar),
                     util::DidYouMean(n->scalar, FidesSpecialCategoryNames()));
      }
    }
  }

  void ReadDeclaration(const YamlNode& node, model::System& s, SystemExtras& extras, std::set<std::string>& ids) {
    if (!node.IsMap()) {
      diags_.Error(node.Location(), std::string("a privacy declaration is a mapping, found ") + node.KindName());
      return;
    }
    FidesMap d(node, "system.privacy_declarations", ignored_now_->ignored);
    model::Purpose p;
    p.loc = node.Location();
    p.name = d.Str("name");
    if (const YamlNode* use = d.Get("data_use")) {
      if (auto key = Key(TaxonomyKind::kDataUse, *use)) p.data_use = *key;
      p.SetFieldLoc("data_use", use->Location());
    } else {
      diags_.Error(node.Location(), "a privacy declaration needs a 'data_use'");
    }
    std::string base = s.id + "." + Slug(p.name.empty() ? p.data_use : p.name);
    p.id = base;
    for (int n = 2; ids.count(p.id); ++n) p.id = base + "-" + std::to_string(n);
    ids.insert(p.id);
    if (p.name.empty()) p.name = p.data_use;
    if (const YamlNode* cats = d.Get("data_categories")) {
      p.data_categories = Keys(TaxonomyKind::kDataCategory, cats);
      p.SetFieldLoc("data_categories", cats->Location());
    }
    if (const YamlNode* subjects = d.Get("data_subjects")) {
      p.data_subjects = Keys(TaxonomyKind::kDataSubject, subjects);
      p.SetFieldLoc("data_subjects", subjects->Location());
    }
    ReadLegalBases(d, p);
    ReadRetention(d, p);
    p.dpia = d.Str("impact_assessment_location");
    p.systems = {s.id};
    for (const YamlNode* ref : ItemsOf(d.Get("dataset_references"))) UseDataset(*ref, s, extras);
    ReadEdges(d.Get("egress"), true, p.id, d, s, extras);
    ReadEdges(d.Get("ingress"), false, p.id, d, s, extras);
    into_.purposes.push_back(std::move(p));
  }

  // ---- flows and transfers -------------------------------------------------------------

  std::vector<std::string> CategoriesOf(const std::string& system) const {
    std::vector<std::string> categories;
    auto it = purposes_of_.find(system);
    if (it == purposes_of_.end()) return categories;
    for (size_t i = it->second.first; i < it->second.second; ++i)
      AppendUnique(categories, into_.purposes[i].data_categories);
    return categories;
  }

  std::string OnlyPurpose(const std::string& system) const {
    auto it = purposes_of_.find(system);
    if (it == purposes_of_.end() || it->second.second - it->second.first != 1) return "";
    return into_.purposes[it->second.first].id;
  }

  model::Flow& FlowFor(const std::string& from, const std::string& to, const SourceLocation& loc) {
    std::string id = from + "-to-" + to;
    for (size_t i = first_flow_; i < into_.flows.size(); ++i)
      if (into_.flows[i].id == id) return into_.flows[i];
    model::Flow f;
    f.id = id;
    f.from = from;
    f.to = to;
    f.loc = loc;
    f.SetFieldLoc("id", loc);
    into_.flows.push_back(std::move(f));
    return into_.flows.back();
  }

  void ResolveEdges() {
    first_flow_ = into_.flows.size();
    std::vector<std::string> known;
    for (const auto& [id, loc] : system_locs_) known.push_back(id);
    for (const Edge& e : edges_) {
      if (!system_locs_.count(e.other) && !into_.FindSystem(e.other)) {
        diags_.Error(e.loc, "unknown system " + Q(e.other) + " in " + (e.egress ? "egress" : "ingress") +
                                " of system " + Q(e.system),
                     util::DidYouMean(e.other, known));
        continue;
      }
      model::Flow& f = e.egress ? FlowFor(e.system, e.other, e.loc) : FlowFor(e.other, e.system, e.loc);
      AppendUnique(f.data_categories, e.categories.empty() ? CategoriesOf(e.system) : e.categories);
      if (f.purpose.empty()) f.purpose = e.purpose.empty() ? OnlyPurpose(e.system) : e.purpose;
    }
  }

  // Each third country a system transfers to becomes a recipient system with a flow,
  // so the transfer rules see where the data goes and under which mechanism.
  void AddRecipients(std::string system_id, std::string system_name, const SystemExtras& extras) {
    std::set<std::string> seen;
    for (const auto& [code, loc] : extras.transfers) {
      if (!seen.insert(code).second) continue;
      const analysis::Country* country = countries_.Find(code);
      if (country && country->eea) continue;  // not a transfer under Chapter V
      model::System r;
      r.id = system_id + "-transfer-" + Slug(code);
      r.name = (system_name.empty() ? system_id : system_name) + ": transfer to " + (country ? country->name : code);
      r.description = "third_country_transfers of Fides system '" + system_id + "'";
      r.responsibility = model::Responsibility::kThirdParty;
      r.country = code;
      r.loc = loc;
      r.SetFieldLoc("id", loc);
      r.SetFieldLoc("country", loc);
      if (!extras.mechanism.empty()) r.transfer = model::Transfer{extras.mechanism, ""};
      edges_.push_back({system_id, r.id, true, "", {}, loc});
      system_locs_.emplace(r.id, loc);
      into_.systems.push_back(std::move(r));
    }
  }

  analysis::Taxonomy& taxonomy_;
  const analysis::CountryTable& countries_;
  model::Diagnostics& diags_;
  model::Inventory& into_;

  std::vector<Item> systems_, datasets_, organizations_;
  std::map<std::string, std::vector<Item>> taxonomy_items_;
  std::map<std::string, DatasetEntry> datasets_by_key_;
  std::vector<std::string> dataset_order_;
  std::map<std::string, SourceLocation> system_locs_;
  std::set<std::string> system_keys_;  // every Fides system's key, known before any is read
  std::map<std::string, std::pair<size_t, size_t>> purposes_of_;  // system -> purpose index range
  std::vector<Edge> edges_;
  size_t first_flow_ = 0;
  ParsedManifest* ignored_now_ = nullptr;  // the manifest being read, for nested FidesMaps
};

}  // namespace

bool IsFidesManifest(const YamlNode& root) {
  if (!root.IsMap() || root.Find("gdpr_audit")) return false;
  for (const YamlEntry& e : root.entries) {
    for (const char* key : kOtherFidesResources)
      if (e.first.scalar == key) return true;
    for (const TaxonomySection& s : kTaxonomySections)
      if (e.first.scalar == s.key) return true;
  }
  return false;
}

FidesReader::FidesReader(const analysis::Taxonomy& taxonomy, const analysis::CountryTable& countries,
                         model::Diagnostics& diags)
    : taxonomy_(taxonomy), countries_(countries), diags_(diags) {}

void FidesReader::AddText(std::string_view text, std::string_view name) {
  auto root = ParseYaml(text, name, diags_);
  if (!root) return;
  if (!root->IsMap()) {
    diags_.Error(root->Location(), "a Fides manifest is a mapping of resource lists (system:, dataset:, ...)");
    return;
  }
  manifests_.push_back({std::string(name), std::move(*root)});
}

FidesResult FidesReader::Finish(model::Inventory& into) {
  FidesResult result;
  std::vector<ParsedManifest> parsed;
  for (const Manifest& m : manifests_) parsed.push_back({&m.name, &m.root, {}});
  Mapper(taxonomy_, countries_, diags_, into).Run(parsed);
  result.taxonomy = taxonomy_;
  return result;
}

FidesResult ReadFides(std::string_view text, std::string_view name, const analysis::Taxonomy& taxonomy,
                      const analysis::CountryTable& countries, model::Inventory& into, model::Diagnostics& diags) {
  FidesReader reader(taxonomy, countries, diags);
  reader.AddText(text, name);
  return reader.Finish(into);
}

}  // namespace gdpr::load
