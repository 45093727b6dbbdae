# Reports: render hand-built Reports in every format, then check them with outside tools
# (the SARIF schema; skipped, exit 77, when python3-jsonschema or the schema is missing).
add_executable(report_samples tests/report/report_samples.cpp)
target_link_libraries(report_samples PRIVATE gdpr_core)
target_include_directories(report_samples PRIVATE ${CMAKE_SOURCE_DIR}/tests/report)
add_test(NAME report_samples COMMAND report_samples ${CMAKE_BINARY_DIR}/test-output ${CMAKE_SOURCE_DIR}/rules)
set_tests_properties(report_samples PROPERTIES FIXTURES_SETUP report_samples)
add_test(NAME sarif_schema
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/validate_sarif.sh
          --schema ${CMAKE_SOURCE_DIR}/../shared/schemas/sarif-2.1.0.json
          ${CMAKE_BINARY_DIR}/test-output/sample.sarif ${CMAKE_BINARY_DIR}/test-output/hostile.sarif)
set_tests_properties(sarif_schema PROPERTIES FIXTURES_REQUIRED report_samples SKIP_RETURN_CODE 77)
add_test(NAME junit_xml
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/check_xml.sh
          ${CMAKE_BINARY_DIR}/test-output/sample.xml ${CMAKE_BINARY_DIR}/test-output/hostile.xml)
set_tests_properties(junit_xml PROPERTIES FIXTURES_REQUIRED report_samples SKIP_RETURN_CODE 77)
add_test(NAME html_render
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/render_html.sh
          ${CMAKE_BINARY_DIR}/test-output/sample.html ${CMAKE_BINARY_DIR}/test-output/hostile.html
          ${CMAKE_BINARY_DIR}/test-output/estate.nl.html)
set_tests_properties(html_render PROPERTIES FIXTURES_REQUIRED report_samples SKIP_RETURN_CODE 77)

# The real thing: the SARIF of `scan samples/` must validate too (exit 1 = findings).
add_test(NAME scan_samples_sarif
  COMMAND bash -c "\"$0\" scan samples --format sarif -o \"$1\"; test $? -le 1"
          $<TARGET_FILE:gdpr-audit> ${CMAKE_BINARY_DIR}/test-output/samples-scan.sarif
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(scan_samples_sarif PROPERTIES FIXTURES_SETUP scan_samples_sarif)
add_test(NAME sarif_schema_scan
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/validate_sarif.sh
          --schema ${CMAKE_SOURCE_DIR}/../shared/schemas/sarif-2.1.0.json
          ${CMAKE_BINARY_DIR}/test-output/samples-scan.sarif)
set_tests_properties(sarif_schema_scan PROPERTIES FIXTURES_REQUIRED scan_samples_sarif SKIP_RETURN_CODE 77)
