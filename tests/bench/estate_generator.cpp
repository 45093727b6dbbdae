// estate_generator: writes a realistic synthetic estate (declarations and DDL) for the
// benchmark, deterministic from a seed. Sizes:
//   S  20 systems,     200 tables
//   M  200 systems,    5,000 tables
//   L  2,000 systems,  20,000 flows, 40,000 tables (about 800,000 columns)
// A few percent of purposes, systems and columns carry seeded gaps (no retention,
// marketing on contract, a processor without agreement, a third country without a
// transfer mechanism, columns no purpose covers), so the rules have work to do.
//
// usage: estate_generator S|M|L OUT_DIR [SEED]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

struct Size {
  const char* name;
  int systems;
  int tables;
  int flows;
};
constexpr Size kSizes[] = {{"S", 20, 200, 30}, {"M", 200, 5000, 1500}, {"L", 2000, 40000, 20000}};

// SplitMix64: the same sequence on every platform and standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Percent(int p) { return Below(100) < static_cast<size_t>(p); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  uint64_t state_;
};

struct ColumnKind {
  std::string name;
  std::string pg_type;
  std::string category;  // what a DPO would say; empty for business data
};

const std::vector<ColumnKind> kPersonal = {
    {"email", "character varying(255)", "user.contact.email"},
    {"first_name", "character varying(100)", "user.name.first"},
    {"last_name", "character varying(100)", "user.name.last"},
    {"phone_number", "character varying(32)", "user.contact.phone_number"},
    {"street_address", "text", "user.contact.address.street"},
    {"postal_code", "character varying(16)", "user.contact.address.postal_code"},
    {"city", "character varying(100)", "user.contact.address.city"},
    {"date_of_birth", "date", "user.demographic.date_of_birth"},
    {"ip_address", "inet", "user.device.ip_address"},
    {"iban", "character varying(34)", "user.financial.bank_account"},
    {"last_login_at", "timestamp with time zone", ""},  // the classifier sees a plain timestamp
    {"user_agent", "text", "user.device"},
    {"gender", "character varying(16)", "user.demographic.gender"},
};
const std::vector<ColumnKind> kSpecial = {
    {"allergies", "text", "user.health_and_medical"},
    {"bsn", "character(9)", "user.government_id.national_identification_number"},
    {"religion", "character varying(64)", "user.demographic.religious_belief"},
};
const std::vector<ColumnKind> kBusiness = {
    {"status", "character varying(32)", ""},      {"quantity", "integer", ""},
    {"unit_price", "numeric(10,2)", ""},          {"currency", "character(3)", ""},
    {"sku", "character varying(64)", ""},         {"description", "text", ""},
    {"is_active", "boolean", ""},                 {"sort_order", "integer", ""},
    {"total_amount", "numeric(12,2)", ""},        {"product_code", "character varying(32)", ""},
    {"warehouse_id", "bigint", ""},               {"tax_rate", "numeric(5,2)", ""},
    {"shipped_at", "timestamp without time zone", ""}, {"version", "integer", ""},
};
const std::vector<std::string> kTableWords = {"customer", "order",   "invoice", "payment", "shipment",
                                              "product",  "account", "contact", "ticket",  "address",
                                              "employee", "member",  "visit",   "session", "review"};
const std::vector<std::string> kCountries = {"NL", "NL", "NL", "DE", "BE", "FR", "IE", "US", "GB", "CH", "IN"};

struct UseKind {
  const char* data_use;
  const char* legal_basis;
  const char* retention;
};
const std::vector<UseKind> kUses = {
    {"essential.service", "contract", "P7Y"},
    {"essential.service.payment_processing", "contract", "P7Y"},
    {"marketing.communications.email", "consent", "P2Y"},
    {"analytics.reporting", "legitimate_interests", "P26M"},
    {"essential.service.operations.support", "contract", "P2Y"},
    {"essential.legal_obligation", "legal_obligation", "P7Y"},
};

std::string Dialect(int system) { return system % 3 == 0 ? "postgres" : (system % 3 == 1 ? "mysql" : "sqlite"); }

// Column names are written the way each dialect's applications tend to write them.
std::string Spell(const std::string& snake, const std::string& dialect) {
  if (dialect != "sqlite") return snake;
  std::string camel;
  bool up = false;
  for (char c : snake) {
    if (c == '_') up = true;
    else camel += up ? static_cast<char>(c - 32) : c, up = false;
  }
  return camel;
}

std::string Type(const ColumnKind& k, const std::string& dialect) {
  if (dialect == "postgres") return k.pg_type;
  if (k.pg_type == "inet") return "varchar(45)";
  if (k.pg_type.rfind("character varying", 0) == 0) return "varchar" + k.pg_type.substr(17);
  if (k.pg_type.rfind("timestamp", 0) == 0) return dialect == "mysql" ? "datetime" : "TEXT";
  if (k.pg_type.rfind("character(", 0) == 0) return "char" + k.pg_type.substr(9);
  return k.pg_type;
}

// Special-category columns (health, BSN, religion) live only in the systems of an HR or
// care department: every tenth system.
bool SpecialSystem(int system) { return system % 10 == 0; }

void WriteTable(std::ostream& out, Rng& rng, const std::string& dialect, const std::string& table,
                bool special_system, std::vector<std::string>& categories) {
  std::string q = dialect == "mysql" ? "`" : (dialect == "postgres" ? "" : "\"");
  out << "CREATE TABLE " << q << table << q << " (\n";
  out << "  " << q << "id" << q << (dialect == "sqlite" ? " INTEGER PRIMARY KEY" : " bigint NOT NULL") << ",\n";
  int columns = 14 + static_cast<int>(rng.Below(12));
  bool personal_table = rng.Percent(60);
  std::set<std::string> used = {"id", "created_at"};
  for (int c = 0; c < columns; ++c) {
    const ColumnKind* kind;
    if (personal_table && rng.Percent(45)) kind = &rng.Pick(kPersonal);
    else if (personal_table && special_system && rng.Percent(8)) kind = &rng.Pick(kSpecial);
    else kind = &rng.Pick(kBusiness);
    if (!kind->category.empty()) categories.push_back(kind->category);
    std::string name = Spell(kind->name, dialect);
    if (!used.insert(name).second) name += "_" + std::to_string(c);  // names are unique per table
    out << "  " << q << name << q << " " << Type(*kind, dialect) << (rng.Percent(30) ? " NOT NULL" : "");
    if (dialect == "mysql" && rng.Percent(10)) out << " COMMENT 'the " << kind->name << "; it''s kept'";
    out << ",\n";
  }
  const char* stamp = dialect == "postgres" ? "timestamp with time zone" : (dialect == "mysql" ? "datetime" : "TEXT");
  out << "  " << q << "created_at" << q << " " << stamp
      << " NOT NULL DEFAULT CURRENT_TIMESTAMP";
  if (dialect != "sqlite") out << ",\n  PRIMARY KEY (" << q << "id" << q << ")";
  out << "\n)" << (dialect == "mysql" ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "") << ";\n\n";
  if (dialect == "postgres" && rng.Percent(30))
    out << "COMMENT ON TABLE " << table << " IS 'Rows of " << table << "; maintained by the app';\n\n";
}

std::string SystemId(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "sys-%04d", i);
  return buf;
}

void WriteSchema(const std::filesystem::path& path, Rng& rng, const std::string& dialect, int system,
                 int tables, std::vector<std::string>& categories) {
  std::ofstream out(path);
  if (dialect == "postgres") out << "SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\n\n";
  if (dialect == "mysql") out << "/*!40101 SET NAMES utf8mb4 */;\n\n";
  // Table 0 is where consent purposes keep their proof (consent.record).
  for (int t = 0; t < tables; ++t)
    WriteTable(out, rng, dialect,
               t == 0 ? std::string("consent_log") : rng.Pick(kTableWords) + "_" + std::to_string(system) + "_" + std::to_string(t),
               SpecialSystem(system), categories);
}

void WriteSystem(std::ostream& out, Rng& rng, int i, bool has_schema) {
  std::string country = rng.Pick(kCountries);
  bool processor = rng.Percent(40);
  out << "  - id: " << SystemId(i) << "\n    name: System " << i << "\n";
  out << "    responsibility: " << (processor ? "processor" : "controller") << "\n";
  out << "    country: " << country << "\n";
  if (processor && !rng.Percent(5)) out << "    processor_agreement: contracts/dpa-" << i << ".pdf\n";
  bool outside = country == "US" || country == "IN";
  if (outside && !rng.Percent(10))
    out << "    transfer: { mechanism: " << (country == "US" ? "dpf" : "scc") << ", reference: contracts/t-" << i
        << ".pdf }\n";
  if (has_schema)
    out << "    datastores:\n      - id: db-" << i << "\n        schema: db/" << SystemId(i) << ".sql\n";
}

// A purpose declares what its system's tables hold (so coverage is the norm), except
// for a few percent of purposes that leave one category out: the seeded
// "personal data no purpose declares" gaps.
void WritePurpose(std::ostream& out, Rng& rng, int i, int systems, const std::vector<std::string>& held) {
  int system = i % systems;
  bool special = SpecialSystem(system);
  // Special data is kept under a legal obligation (employment, care) with an Art. 9(2)
  // condition and a DPIA; a few percent of those purposes miss one.
  const UseKind& use = special ? kUses.back() : rng.Pick(kUses);
  out << "  - id: purpose-" << i << "\n    name: Purpose " << i << "\n";
  out << "    data_use: " << use.data_use << "\n";
  bool gap_basis = rng.Percent(3);
  out << "    legal_basis: " << (gap_basis ? "contract" : use.legal_basis) << "\n";
  if (std::string(use.legal_basis) == "consent" && !gap_basis)
    out << "    consent: { opt_in: true, granular: true, withdrawal: true"
        << (rng.Percent(4) ? "" : ", record: db-" + std::to_string(system) + ".consent_log") << " }\n";
  if (special && !rng.Percent(4)) out << "    special_category_condition: employment\n";
  if (special && !rng.Percent(4)) out << "    dpia: docs/dpia-" << i << ".pdf\n";
  if (std::string(use.legal_basis) == "legitimate_interests")
    out << "    legitimate_interest_assessment: docs/lia-" << i << ".pdf\n";
  out << "    data_subjects: [customer]\n    data_categories: [";
  std::vector<std::string> declared = held;
  if (declared.size() > 1 && rng.Percent(4)) declared.erase(declared.begin() + rng.Below(declared.size()));
  if (declared.empty()) declared.push_back("user.contact.email");
  for (size_t c = 0; c < declared.size(); ++c) out << (c ? ", " : "") << declared[c];
  out << "]\n    systems: [" << SystemId(system) << "]\n";
  if (!rng.Percent(4)) out << "    retention: " << use.retention << "\n";
  out << "    subjects_count: " << 1000 + rng.Below(500000) << "\n";
  out << "    privacy_notice: https://example.org/privacy#p" << i << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s S|M|L OUT_DIR [SEED]\n", argv[0]);
    return 2;
  }
  const Size* size = nullptr;
  for (const Size& s : kSizes)
    if (std::string(argv[1]) == s.name) size = &s;
  if (!size) {
    std::fprintf(stderr, "unknown size '%s' (S, M or L)\n", argv[1]);
    return 2;
  }
  std::filesystem::path dir = argv[2];
  uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42;
  std::filesystem::create_directories(dir / "db");
  Rng rng(seed);

  // Every system gets a datastore; tables are spread evenly over them. `held` is what
  // each system's tables hold, sorted and unique.
  std::vector<std::vector<std::string>> held(size->systems);
  int per_system = size->tables / size->systems;
  for (int i = 0; i < size->systems; ++i) {
    WriteSchema(dir / "db" / (SystemId(i) + ".sql"), rng, Dialect(i), i, per_system, held[i]);
    std::sort(held[i].begin(), held[i].end());
    held[i].erase(std::unique(held[i].begin(), held[i].end()), held[i].end());
  }

  constexpr int kSystemsPerFile = 100;
  for (int first = 0; first < size->systems; first += kSystemsPerFile) {
    std::ofstream out(dir / ("estate-" + std::to_string(first / kSystemsPerFile) + ".yaml"));
    out << "gdpr_audit: 1\n";
    if (first == 0)
      out << "organization:\n  name: Synthetic Group N.V.\n  country: NL\n  annual_turnover_eur: 750000000\n"
             "  dpo: { name: A. de Vries, email: dpo@example.org }\n";
    out << "systems:\n";
    int last = std::min(size->systems, first + kSystemsPerFile);
    for (int i = first; i < last; ++i) WriteSystem(out, rng, i, true);
    out << "purposes:\n";
    for (int i = first * 2; i < last * 2; ++i) WritePurpose(out, rng, i, size->systems, held[i % size->systems]);
    int flows_here = size->flows * (last - first) / size->systems;
    if (flows_here > 0) out << "flows:\n";
    for (int f = 0; f < flows_here; ++f) {
      int from = first + static_cast<int>(rng.Below(last - first));
      int to = static_cast<int>(rng.Below(size->systems));
      int purpose = from * 2 + static_cast<int>(rng.Below(2));
      out << "  - id: flow-" << first << "-" << f << "\n    from: " << SystemId(from) << "\n    to: "
          << SystemId(to) << "\n    purpose: purpose-" << purpose << "\n    data_categories: ["
          << (held[from].empty() ? std::string("user.contact.email") : rng.Pick(held[from])) << "]\n";
    }
  }
  std::printf("wrote size %s (%d systems, %d tables, %d flows) to %s\n", size->name, size->systems,
              size->tables, size->flows, dir.c_str());
  return 0;
}
