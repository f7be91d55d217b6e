# Generates embedded_rules.cpp: every rules/*/rules.json, rules/*/claim.json, rules/claim.json and rules/vocabulary.json as string literals, so that the
# tool needs no files to run. embedded_sources.cpp holds the policy texts (rules/*/source.txt) for `check`; the
# WebAssembly build leaves them out.
file(GLOB SKILLCALC_RULE_FILES CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/rules/vocabulary.json ${CMAKE_SOURCE_DIR}/rules/*/rules.json
     ${CMAKE_SOURCE_DIR}/rules/claim.json ${CMAKE_SOURCE_DIR}/rules/*/claim.json)
file(GLOB SKILLCALC_SOURCE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/rules/*/source.txt)

function(skillcalc_embed out_cpp function_name)
  file(WRITE ${out_cpp}.list "${ARGN}")
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DFUNCTION=${function_name} -DROOT=${CMAKE_SOURCE_DIR}/rules
            -DLIST=${out_cpp}.list -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${function_name}")
endfunction()

