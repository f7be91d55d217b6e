# Generates embedded_rules.cpp: every rules/*/rules.json, rules/*/claim.json, rules/claim.json and rules/vocabulary.json as string literals, so that the
# tool needs no files to run. embedded_sources.cpp holds the policy texts (rules/*/source.txt) for `check`; the
# WebAssembly build leaves them out; so it does embedded_cases.cpp, the golden cases (rules/*/cases.json) that
# `skillcalc check` runs when it is given no folder.
# SKILLCALC_RULES_DIR embeds another folder of the same shape, e.g. to see a new document on the page before it is
# added to rules/: wasm/build.sh -DSKILLCALC_RULES_DIR=/path/to/folder && web/assemble.sh
set(SKILLCALC_RULES_DIR ${CMAKE_SOURCE_DIR}/rules CACHE PATH "The rules folder compiled into the tool and the page")
file(GLOB SKILLCALC_RULE_FILES CONFIGURE_DEPENDS
     ${SKILLCALC_RULES_DIR}/vocabulary.json ${SKILLCALC_RULES_DIR}/*/rules.json
     ${SKILLCALC_RULES_DIR}/claim.json ${SKILLCALC_RULES_DIR}/*/claim.json)
file(GLOB SKILLCALC_SOURCE_FILES CONFIGURE_DEPENDS ${SKILLCALC_RULES_DIR}/*/source.txt)
file(GLOB SKILLCALC_CASE_FILES CONFIGURE_DEPENDS ${SKILLCALC_RULES_DIR}/*/cases.json)

function(skillcalc_embed out_cpp function_name)
  file(WRITE ${out_cpp}.list "${ARGN}")
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DFUNCTION=${function_name} -DROOT=${SKILLCALC_RULES_DIR}
            -DLIST=${out_cpp}.list -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${function_name}")
endfunction()

