#include "report/ropa.h"

#include <algorithm>

#include "analysis/country_table.h"

namespace gdpr::report {
namespace {

std::string ContactText(const model::Contact& c) {
  if (c.email.empty()) return c.name;
  if (c.name.empty()) return c.email;
  return c.name + " <" + c.email + ">";
}

// A system is the controller's own when it is declared as the controller's (or left
// unspecified, which the loader's rules treat as the organisation's own system).
bool IsOwnSystem(const model::System& s) {
  return s.responsibility == model::Responsibility::kController ||
         s.responsibility == model::Responsibility::kUnspecified;
}

RopaRecipient Recipient(const model::System& s) {
  return {s.id, s.name.empty() ? s.id : s.name, model::ResponsibilityName(s.responsibility), s.country};
}

// Systems the purpose reaches: its own list, then its flows' ends, in declaration order.
std::vector<const model::System*> PurposeSystems(const model::Inventory& inv, const model::Purpose& p) {
  std::vector<const model::System*> out;
  auto add = [&](const std::string& id) {
    const model::System* s = inv.FindSystem(id);
    if (s && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  for (const std::string& id : p.systems) add(id);
  for (const model::Flow& f : inv.flows)
    if (f.purpose == p.id) {
      add(f.from);
      add(f.to);
    }
  return out;
}

// The transfer entry when data held in `s` leaves the EEA, else nullopt.
std::optional<RopaTransfer> Transfer(const model::System& s, const model::Inventory& inv,
                                     const analysis::CountryTable* countries) {
  if (s.country.empty()) return std::nullopt;
  RopaTransfer t{s.id, s.name.empty() ? s.id : s.name, s.country, "", "", ""};
  if (s.transfer) {
    t.mechanism = s.transfer->mechanism;
    t.reference = s.transfer->reference;
  }
  if (countries) {
    const analysis::Country* c = countries->Find(s.country);
    if (!c || c->Zone() == analysis::TransferZone::kEea) return std::nullopt;
    t.zone = c->Zone() == analysis::TransferZone::kThirdCountry ? "third_country"
             : c->requires_dpf                                  ? "adequate_dpf"
                                                                : "adequate";
    return t;
  }
  std::string home = inv.organization ? inv.organization->country : "";
  if (s.transfer || (!home.empty() && s.country != home)) return t;
  return std::nullopt;
}

RopaRow BuildRow(const model::Inventory& inv, const model::Purpose& p,
                 const analysis::CountryTable* countries) {
  RopaRow row;
  row.purpose_id = p.id;
  row.purpose = p.name.empty() ? p.id : p.name;
  row.data_use = p.data_use;
  row.legal_basis = p.legal_basis;
  row.data_subjects = p.data_subjects;
  row.data_categories = p.data_categories;
  for (const model::System* s : PurposeSystems(inv, p)) {
    if (!IsOwnSystem(*s)) row.recipients.push_back(Recipient(*s));
    if (auto t = Transfer(*s, inv, countries)) row.transfers.push_back(*t);
  }
  if (p.retention && !p.retention->text.empty())
    row.retention = {p.retention->text, p.retention->from, p.retention->basis};
  return row;
}

}  // namespace

Ropa BuildRopa(const model::Inventory& inventory, const analysis::CountryTable* countries) {
  Ropa ropa;
  if (const auto& org = inventory.organization) {
    ropa.controller = org->name;
    if (!org->country.empty()) {
      // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on chained operator+.
      if (!org->name.empty()) ropa.controller += ' ';
      ropa.controller += '(';
      ropa.controller += org->country;
      ropa.controller += ')';
    }
    if (org->dpo) ropa.dpo = ContactText(*org->dpo);
    if (org->representative) ropa.representative = ContactText(*org->representative);
  }
  for (const model::Purpose& p : inventory.purposes) ropa.rows.push_back(BuildRow(inventory, p, countries));
  return ropa;
}

}  // namespace gdpr::report
