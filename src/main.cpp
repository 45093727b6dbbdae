// gdpr-audit: audits data-flow declarations and database schemas against the GDPR.
#include <iostream>

#include "cli/app.h"
#include "util/huge_page_heap.h"

int main(int argc, char** argv) {
  gdpr::util::UseHugePageHeap();
  return gdpr::cli::Run(argc, argv, std::cout, std::cerr, /*process_ends=*/true);
}
