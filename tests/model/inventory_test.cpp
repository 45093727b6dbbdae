#include "model/inventory.h"

#include <doctest/doctest.h>

using gdpr::model::Datastore;
using gdpr::model::Inventory;
using gdpr::model::Purpose;
using gdpr::model::System;

namespace {

System MakeSystem(const std::string& id, const std::string& store) {
  System s;
  s.id = id;
  s.name = "first " + id;
  if (!store.empty()) {
    Datastore d;
    d.id = store;
    s.datastores.push_back(d);
  }
  return s;
}

}  // namespace

TEST_CASE("model::Inventory finds by id through its index, first duplicate wins") {
  Inventory inv;
  inv.systems = {MakeSystem("crm", "crmdb"), MakeSystem("shop", "shopdb"), MakeSystem("crm", "")};
  inv.systems[2].name = "second crm";
  Purpose p;
  p.id = "orders";
  inv.purposes = {p};
  inv.BuildIndex();
  REQUIRE(inv.FindSystem("crm") != nullptr);
  CHECK(inv.FindSystem("crm")->name == "first crm");
  CHECK(inv.FindSystem("shop") == &inv.systems[1]);
  CHECK(inv.FindSystem("nope") == nullptr);
  CHECK(inv.FindPurpose("orders") == &inv.purposes[0]);
  CHECK(inv.FindDatastore("shopdb") == &inv.systems[1].datastores[0]);
  CHECK(inv.FindDatastore("nope") == nullptr);
}

TEST_CASE("model::Inventory lookups stay right when the vectors change after indexing") {
  Inventory inv;
  inv.systems = {MakeSystem("a", "adb"), MakeSystem("b", "bdb")};
  inv.BuildIndex();
  inv.systems.erase(inv.systems.begin());        // "b" moves to index 0: the index is stale
  inv.systems.push_back(MakeSystem("c", "cdb"));  // not indexed at all
  CHECK(inv.FindSystem("a") == nullptr);
  CHECK(inv.FindSystem("b") == &inv.systems[0]);
  CHECK(inv.FindSystem("c") == &inv.systems[1]);
  CHECK(inv.FindDatastore("adb") == nullptr);
  CHECK(inv.FindDatastore("cdb") == &inv.systems[1].datastores[0]);
}

TEST_CASE("model::Inventory finds without an index too") {
  Inventory inv;
  inv.systems = {MakeSystem("a", "adb")};
  CHECK(inv.FindSystem("a") == &inv.systems[0]);
  CHECK(inv.FindDatastore("adb") == &inv.systems[0].datastores[0]);
}

TEST_CASE("model::Located::At finds list items by index and falls back to the list") {
  gdpr::model::Located e;
  e.loc = {"d.yaml", 10, 3};
  e.field_locs.Set("systems", {12, 5});
  e.item_locs["systems"] = {{12, 15}, {13, 9}};
  CHECK(e.At("systems").ToString() == "d.yaml:12:5");
  CHECK(e.At("systems[0]").ToString() == "d.yaml:12:15");
  CHECK(e.At("systems[1]").ToString() == "d.yaml:13:9");
  CHECK(e.At("systems[2]").ToString() == "d.yaml:12:5");   // no such item: the list
  CHECK(e.At("systems[x]").ToString() == "d.yaml:12:5");   // not an index
  CHECK(e.At("purposes[0]").ToString() == "d.yaml:10:3");  // no such list: the entity
  CHECK(e.At("name").ToString() == "d.yaml:10:3");
}

TEST_CASE("model::FieldPositions keeps the first of a repeated field unless Set, in name order") {
  gdpr::model::FieldPositions f;
  f.Add("retention", {4, 16});
  f.Add("id", {2, 9});
  f.Add("retention", {7, 16});  // a repeated key: the first one is the one read
  REQUIRE(f.Find("retention") != nullptr);
  CHECK(f.Find("retention")->line == 4);
  f.Set("retention", {9, 3});
  CHECK(f.Find("retention")->line == 9);
  CHECK(f.Find("reten") == nullptr);
  CHECK_FALSE(f.Has("name"));
  CHECK(f.size() == 2);
  CHECK(f.begin()->first == "id");
  CHECK((f.begin() + 1)->first == "retention");
}

TEST_CASE("model::Located::At puts a field in the entity's file") {
  gdpr::model::Located e;
  e.loc = {"decl/shop.yaml", 3, 5};
  e.SetFieldLoc("legal_basis", {"decl/shop.yaml", 8, 18});
  CHECK(e.At("legal_basis").ToString() == "decl/shop.yaml:8:18");
}
