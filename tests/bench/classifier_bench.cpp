// classifier_bench: columns classified per second on synthetic schemas. Not a test
// (not run by ctest); run it by hand: ./build/classifier_bench [columns]
//
// The synthetic columns mix realistic names (snake, camel, Hungarian, Dutch/German/
// French), types and table names, with numeric suffixes so that a share of the names
// is distinct and misses the cache, as in a real warehouse with many similar tables.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "analysis/classifier.h"

using namespace gdpr;

namespace {

const char* kColumns[] = {
    "id", "email", "first_name", "lastName", "strFirstName", "emp_dob", "created_at", "updated_at",
    "price", "quantity", "status", "user_id", "phone_number", "ip_address", "achternaam", "voornaam",
    "geboortedatum", "nachname", "prenom", "bsn", "iban", "password_hash", "is_active", "description",
    "address_line1", "postcode", "city", "country_code", "ssn", "diagnosis", "religion", "notes",
    "order_total", "sku", "name", "title", "latitude", "longitude", "device_id", "user_agent"};
const char* kTables[] = {"users", "customers", "orders", "products", "klanten", "kunden", "events",
                         "audit_log", "trips", "patients", "invoices", "stores"};
const char* kTypes[] = {"varchar(255)", "integer", "text", "timestamp", "boolean", "inet", "date"};

}  // namespace

int main(int argc, char** argv) {
  const long n = argc > 1 ? std::atol(argv[1]) : 2'000'000;
  model::Diagnostics diags;
  auto taxonomy = analysis::Taxonomy::LoadFile(GDPR_DEFAULT_RULES_DIR "/taxonomy.yaml", diags);
  if (!taxonomy) return 2;
  const auto load_start = std::chrono::steady_clock::now();
  const std::clock_t load_cpu_start = std::clock();
  auto classifier = analysis::Classifier::LoadDir(GDPR_DEFAULT_RULES_DIR "/classifiers", *taxonomy,
                                                  diags, "rules/classifiers");
  const auto load_end = std::chrono::steady_clock::now();
  const double load_cpu_ms = 1000.0 * double(std::clock() - load_cpu_start) / CLOCKS_PER_SEC;
  if (!classifier) {
    diags.Render(std::cerr, false);
    return 2;
  }
  // 40 names x 50 suffixes x 12 tables x 7 types: up to 168,000 distinct keys.
  std::vector<model::Table> tables;
  for (const char* t : kTables) {
    model::Table table;
    table.name = t;
    for (int s = 0; s < 50; ++s)
      for (const char* c : kColumns) {
        model::Column col;
        col.name = s == 0 ? std::string(c) : std::string(c) + "_" + std::to_string(s);
        col.type = kTypes[(s + table.columns.size()) % 7];
        table.columns.push_back(col);
      }
    tables.push_back(std::move(table));
  }
  long done = 0, personal = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  while (done < n) {
    for (const auto& table : tables) {
      for (const auto& col : table.columns) {
        personal += classifier->Classify(table, col).personal() ? 1 : 0;
        if (++done >= n) break;
      }
      if (done >= n) break;
    }
  }
  const auto end = std::chrono::steady_clock::now();
  // CPU time too: on a busy machine wall time measures the neighbours.
  const double cpu_secs = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double secs = std::chrono::duration<double>(end - start).count();
  const double load_ms = std::chrono::duration<double, std::milli>(load_end - load_start).count();
  std::printf("classifier_bench: %zu patterns loaded in %.1f ms (%.1f ms CPU)\n", classifier->pattern_count(),
              load_ms, load_cpu_ms);
  std::printf("classifier_bench: %ld columns (%ld personal) in %.3f s: %.0f columns/s"
              " (%.0f columns per CPU second)\n",
              done, personal, secs, done / secs, cpu_secs > 0 ? done / cpu_secs : 0.0);
  return 0;
}
