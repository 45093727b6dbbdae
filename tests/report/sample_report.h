// Hand-built Reports shared by the reporter tests: a realistic one (findings of several
// severities, a waived one, a fine estimate, an inventory with a third-country transfer)
// and a hostile one whose strings try to break every output format.
#pragma once

#include <memory>
#include <string>

#include "model/report.h"

namespace gdpr::report::testing {

inline model::SourceLocation Loc(const std::string& path, int line, int column) {
  model::SourceLocation loc;
  loc.path = path;
  loc.line = line;
  loc.column = column;
  return loc;
}

inline std::shared_ptr<model::Inventory> SampleInventory() {
  auto inv = std::make_shared<model::Inventory>();
  model::Organization org;
  org.name = "Bakkerij de Balans B.V.";
  org.country = "NL";
  org.annual_turnover_eur = 48000000;
  org.dpo = model::Contact{"J. Jansen", "dpo@example.nl"};
  inv->organization = org;

  model::System webshop;
  webshop.id = "webshop";
  webshop.name = "Webshop";
  webshop.responsibility = model::Responsibility::kController;
  webshop.country = "NL";
  model::Datastore shopdb;
  shopdb.id = "shopdb";
  shopdb.system_id = "webshop";
  shopdb.schema = "db/shop.sql";
  webshop.datastores.push_back(shopdb);
  inv->systems.push_back(webshop);

  model::System mailer;
  mailer.id = "mailer";
  mailer.name = "Newsletter SaaS";
  mailer.responsibility = model::Responsibility::kProcessor;
  mailer.country = "US";
  mailer.processor_agreement = "contracts/dpa-mailer.pdf";
  mailer.transfer = model::Transfer{"scc", "contracts/scc-2021.pdf"};
  inv->systems.push_back(mailer);

  model::Purpose orders;
  orders.id = "orders";
  orders.name = "Order handling and delivery";
  orders.data_use = "essential.service";
  orders.legal_basis = "contract";
  orders.data_subjects = {"customer"};
  orders.data_categories = {"user.name", "user.contact.email", "user.contact.address"};
  orders.systems = {"webshop"};
  model::Retention r;
  r.text = "P7Y";
  r.from = "end of contract";
  r.basis = "Dutch fiscal retention duty";
  orders.retention = r;
  orders.subjects_count = 120000;
  inv->purposes.push_back(orders);

  model::Purpose newsletter;
  newsletter.id = "newsletter";
  newsletter.name = "Newsletter";
  newsletter.data_use = "marketing.communications.email";
  newsletter.legal_basis = "consent";
  newsletter.data_subjects = {"customer"};
  newsletter.data_categories = {"user.contact.email", "user.name.first"};
  newsletter.systems = {"webshop", "mailer"};
  newsletter.profiling = true;
  inv->purposes.push_back(newsletter);

  model::Flow flow;
  flow.id = "newsletter-sync";
  flow.from = "webshop";
  flow.to = "mailer";
  flow.purpose = "newsletter";
  flow.data_categories = {"user.contact.email", "user.name.first"};
  inv->flows.push_back(flow);

  model::Waiver waiver;
  waiver.rule = "RET-001";
  waiver.subject = "purpose:newsletter";
  waiver.reason = "Agreed with the DPO pending the 2027 archive project";
  waiver.expires = "2027-03-01";
  inv->waivers.push_back(waiver);
  inv->files.push_back({"gdpr-audit.yaml", "declarations"});
  return inv;
}

inline model::Finding MakeFinding(const std::string& rule, model::Severity severity,
                                  const std::string& kind, const std::string& id, int line) {
  model::Finding f;
  f.rule_id = rule;
  f.severity = severity;
  f.subject = {kind, id};
  f.location = Loc("gdpr-audit.yaml", line, 7);
  f.fingerprint = rule + "-" + id + "-fp";
  return f;
}

inline model::Report SampleReport() {
  model::Report report;
  report.tool_version = "0.1.0";
  report.inputs.push_back({"gdpr-audit.yaml", "declarations", "", -1});
  report.inputs.push_back({"db/shop.sql", "schema", "postgres", 12});

  model::Finding consent = MakeFinding("CONSENT-001", model::Severity::kHigh, "purpose", "newsletter", 42);
  consent.title = "Consent without proof";
  consent.message = "Purpose 'newsletter' relies on consent but keeps no record of it";
  consent.articles = {"Art. 7(1)", "Art. 6(1)(a)"};
  consent.fine_tier = "83(5)";
  consent.related_purposes = {"newsletter"};
  consent.remediation = "Declare consent.record: the table where proof of consent is kept.";
  consent.references = {"https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052020-consent-under-regulation-2016679_en"};
  consent.fine = model::FineEstimate{"83(5)", 20000000, "medium", "EUR 10M-50M", 96000, 480000, "newsletter"};
  report.findings.push_back(consent);

  model::Finding transfer = MakeFinding("TRANSFER-002", model::Severity::kMedium, "system", "mailer", 20);
  transfer.title = "Transfer safeguard not documented";
  transfer.message = "System 'mailer' in US relies on SCCs without a transfer impact assessment";
  transfer.articles = {"Art. 46(2)(c)"};
  transfer.remediation = "Attach the transfer impact assessment.";
  report.findings.push_back(transfer);

  model::Finding notice = MakeFinding("TRANSP-001", model::Severity::kLow, "purpose", "newsletter", 40);
  notice.title = "No privacy notice";
  notice.message = "Purpose 'newsletter' has no privacy notice";
  notice.articles = {"Art. 13"};
  notice.remediation = "Link the privacy notice.";
  report.findings.push_back(notice);

  model::Finding retention = MakeFinding("RET-001", model::Severity::kMedium, "purpose", "newsletter", 41);
  retention.title = "No retention period";
  retention.message = "Purpose 'newsletter' declares no retention";
  retention.articles = {"Art. 5(1)(e)"};
  retention.suppressed = true;
  retention.suppression_reason = "Agreed with the DPO pending the 2027 archive project";
  report.findings.push_back(retention);

  report.exposure.organization_max_eur = 20000000;
  report.exposure.low_eur = 96000;
  report.exposure.high_eur = 480000;
  model::ConductExposure conduct;
  conduct.id = "newsletter";
  conduct.tier = "83(5)";
  conduct.legal_max_eur = 20000000;
  conduct.seriousness = "medium";
  conduct.low_eur = 96000;
  conduct.high_eur = 480000;
  conduct.reasoning = {"medium seriousness: 1 purpose, about 120000 subjects"};
  conduct.findings = {"CONSENT-001-newsletter-fp"};
  report.exposure.conducts.push_back(conduct);
  report.exposure.assumptions = {"turnover EUR 48,000,000 as declared"};
  report.inventory = SampleInventory();
  return report;
}

// Strings that try to inject markup, break tables, move the terminal cursor or smuggle
// invalid UTF-8 into the output.
inline const std::string kHostile =
    "<script>alert(1)</script> | *bold* _x_ [link](javascript:x) `code` & \"q\" 'a' "
    "\x01\x1b[31m\x7f\n# heading\r\n\xff\xfe\xc3( \xed\xa0\x80 end";

inline model::Report HostileReport() {
  model::Report report = SampleReport();
  for (model::Finding& f : report.findings) {
    f.title = kHostile;
    f.message = kHostile;
    f.subject.id = kHostile;
    f.remediation = kHostile;
    f.location.path = "dir with space/" + kHostile;
    f.articles.push_back(kHostile);
    if (f.suppressed) f.suppression_reason = kHostile;
  }
  report.inputs.push_back({kHostile, "schema", kHostile, 1});
  report.exposure.assumptions.push_back(kHostile);
  auto inv = std::make_shared<model::Inventory>(*report.inventory);
  inv->organization->name = kHostile;
  inv->systems[1].name = kHostile;
  inv->systems[1].country = kHostile;
  inv->purposes[0].name = kHostile;
  inv->purposes[0].data_categories.push_back(kHostile);
  inv->flows[0].id = kHostile;
  inv->waivers[0].reason = kHostile;
  report.inventory = inv;
  return report;
}

// The sample plus systems in every Chapter V zone and flows between them, for the data
// map: EEA processors, an adequate country (JP), a third country (IN) without a safeguard,
// two flows between one pair and a flow inside one column.
inline model::Report EstateReport() {
  model::Report report = SampleReport();
  auto inv = std::make_shared<model::Inventory>(*report.inventory);
  auto add_system = [&](const std::string& id, const std::string& name, model::Responsibility r,
                        const std::string& country) {
    model::System s;
    s.id = id;
    s.name = name;
    s.responsibility = r;
    s.country = country;
    inv->systems.push_back(s);
  };
  add_system("analytics", "Analytics warehouse", model::Responsibility::kController, "DE");
  add_system("crm", "CRM (hosted)", model::Responsibility::kProcessor, "IE");
  add_system("adtech", "Ad network partner with a very long name indeed", model::Responsibility::kThirdParty, "IN");
  add_system("support", "Support desk", model::Responsibility::kProcessor, "JP");
  auto add_flow = [&](const std::string& id, const std::string& from, const std::string& to,
                      const std::string& purpose) {
    model::Flow f;
    f.id = id;
    f.from = from;
    f.to = to;
    f.purpose = purpose;
    inv->flows.push_back(f);
  };
  add_flow("orders-to-analytics", "webshop", "analytics", "orders");
  add_flow("orders-to-crm", "webshop", "crm", "orders");
  add_flow("crm-to-adtech", "crm", "adtech", "newsletter");
  add_flow("crm-to-adtech-2", "crm", "adtech", "newsletter");
  add_flow("tickets", "crm", "support", "orders");
  inv->purposes[0].systems.push_back("crm");
  report.inventory = inv;
  return report;
}

}  // namespace gdpr::report::testing
