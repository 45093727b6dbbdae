// gdpr-audit: audits data-flow declarations and database schemas against the GDPR.
#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) { return gdpr::cli::Run(argc, argv, std::cout, std::cerr); }
