#include <doctest/doctest.h>

#include "model/diagnostics.h"

using gdpr::model::Diagnostics;

TEST_CASE("model::Diagnostics::SortFrom sorts only the tail, stably") {
  Diagnostics diags;
  diags.Error({"z.yaml", 9, 1}, "earlier run");
  diags.Error({"a.yaml", 5, 3}, "five");
  diags.Warning({"a.yaml", 2, 7}, "two");
  diags.Error({"a.yaml", 5, 3}, "five again");
  diags.SortFrom(1);
  REQUIRE(diags.size() == 4);
  CHECK(diags.all()[0].message == "earlier run");
  CHECK(diags.all()[1].message == "two");
  CHECK(diags.all()[2].message == "five");
  CHECK(diags.all()[3].message == "five again");
  diags.SortFrom(10);  // past the end: nothing happens
  CHECK(diags.all()[0].message == "earlier run");
}
