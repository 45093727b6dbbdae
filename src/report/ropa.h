// Ropa: the record of processing activities of Art. 30(1) GDPR, built from the
// declarations: the controller's details (a) once, and per purpose one row with the
// purpose (b), categories of data subjects and of personal data (c), recipients (d),
// third-country transfers and their safeguards (e), the retention period (f) and the
// security measures (g). The legal basis (Art. 6(1)) is added because every Dutch model
// register (Autoriteit Persoonsgegevens) asks for it.
//
// Empty strings and lists mean "not declared": renderers show that explicitly, never
// an empty cell. Security measures are not part of the declarations format, so (g) is
// always empty.
#pragma once

#include <string>
#include <vector>

#include "model/inventory.h"

namespace gdpr::analysis {
class CountryTable;
}

namespace gdpr::report {

// A system outside the controller's own that receives the purpose's data (d).
struct RopaRecipient {
  std::string system_id;
  std::string name;            // the system's name, or its id when unnamed
  std::string responsibility;  // "processor", "third_party", ... (model::ResponsibilityName)
  std::string country;
};

// A system of the purpose outside the EEA (e).
struct RopaTransfer {
  std::string system_id;
  std::string name;
  std::string country;
  // "third_country", "adequate", "adequate_dpf" (adequate only for DPF-certified
  // recipients), or "" when no country table was given.
  std::string zone;
  std::string mechanism;  // adequacy | dpf | scc | bcr | derogation; "" when none declared
  std::string reference;
};

struct RopaRetention {
  std::string period;  // as written ("P7Y"); "" when not declared
  std::string from;
  std::string basis;
};

struct RopaRow {
  std::string purpose_id;
  std::string purpose;                       // (b) name, or the id when unnamed
  std::string data_use;                      // (b) fideslang data use
  std::string legal_basis;                   // Art. 6(1)
  std::vector<std::string> data_subjects;    // (c)
  std::vector<std::string> data_categories;  // (c)
  // (d) systems the purpose uses that are not the controller's own, and destinations
  // of the purpose's flows.
  std::vector<RopaRecipient> recipients;
  std::vector<RopaTransfer> transfers;       // (e)
  RopaRetention retention;                   // (f)
  std::string security_measures;             // (g) always empty: not in the declarations
};

struct Ropa {
  std::string controller;          // (a) "Bakkerij de Balans B.V. (NL)"
  std::string dpo;                 // (a) "J. Jansen <dpo@example.nl>"
  std::string representative;      // (a) Art. 27 representative
  std::vector<RopaRow> rows;       // in declaration order
};

// Builds the record. With `countries`, transfers are the systems whose country is a
// third country or adequate (adequacy named as the safeguard); without it, the systems
// whose country differs from the organisation's, or that declare a transfer mechanism.
Ropa BuildRopa(const model::Inventory& inventory, const analysis::CountryTable* countries = nullptr);

}  // namespace gdpr::report
