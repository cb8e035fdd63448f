# Which Rollcall library may link which: the table in docs/architecture.md
# ("Libraries and what they may use"), enforced here. Configuring fails if a
# target links a Rollcall library its row does not allow, so the reader agent
# can never grow a dependency on the hub by accident.
#
# rollcall_allow(TARGET [ALLOWED...]) declares one row; rollcall_check_layers()
# runs at the end of the top-level CMakeLists.txt, when every target exists.

set_property(GLOBAL PROPERTY ROLLCALL_LAYER_TARGETS "")

function(rollcall_allow target)
  set_property(GLOBAL APPEND PROPERTY ROLLCALL_LAYER_TARGETS ${target})
  set_property(GLOBAL PROPERTY ROLLCALL_LAYER_ALLOWED_${target} "${ARGN}")
endfunction()

# Libraries (the same rows as docs/architecture.md).
rollcall_allow(rollcall_common)
rollcall_allow(rollcall_protocol rollcall_common)
rollcall_allow(rollcall_core rollcall_common rollcall_protocol)
rollcall_allow(rollcall_reports rollcall_core rollcall_common rollcall_protocol)
rollcall_allow(rollcall_ctl rollcall_reports rollcall_core rollcall_common rollcall_protocol)
rollcall_allow(rollcall_service rollcall_core rollcall_common rollcall_protocol)
rollcall_allow(rollcall_agent rollcall_common rollcall_protocol)
rollcall_allow(rollcall_dashboard_lib rollcall_common rollcall_protocol)
rollcall_allow(rollcall_dashboard_libplugin rollcall_dashboard_lib)
rollcall_allow(rollcall_emulator rollcall_common)
# Programs: each links its own library (and what that library may use).
rollcall_allow(rollcall-agent rollcall_agent rollcall_common rollcall_protocol)
rollcall_allow(rollcall-hub rollcall_service rollcall_ctl rollcall_core rollcall_common rollcall_protocol)
rollcall_allow(rollcallctl rollcall_ctl rollcall_reports rollcall_core rollcall_common rollcall_protocol)
rollcall_allow(rollcall-dashboard rollcall_dashboard_lib rollcall_dashboard_libplugin rollcall_common rollcall_protocol)
rollcall_allow(pn532-emulator rollcall_emulator rollcall_common)
rollcall_allow(pn532-ctl rollcall_common)

# The Rollcall libraries a target links directly, PRIVATE and PUBLIC alike.
function(_rollcall_direct_links target out)
  get_target_property(libs ${target} LINK_LIBRARIES)
  get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
  set(result "")
  foreach(lib IN LISTS libs ilibs)
    # $<LINK_ONLY:x>, $<BUILD_INTERFACE:x> and the like: keep the name inside.
    string(REGEX REPLACE "^\\$<[A-Z_]+:(.*)>$" "\\1" lib "${lib}")
    # Only the libraries with a row of their own count; Qt's generated helper
    # targets (rollcall_dashboard_lib_qmlcache, …) and rollcall_warnings do not.
    get_property(rows GLOBAL PROPERTY ROLLCALL_LAYER_TARGETS)
    if(lib IN_LIST rows)
      list(APPEND result ${lib})
    endif()
  endforeach()
  list(REMOVE_DUPLICATES result)
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(rollcall_check_layers)
  get_property(targets GLOBAL PROPERTY ROLLCALL_LAYER_TARGETS)
  set(problems "")
  foreach(target IN LISTS targets)
    if(NOT TARGET ${target})
      continue() # e.g. the dashboard when Qt is not wanted
    endif()
    get_property(allowed GLOBAL PROPERTY ROLLCALL_LAYER_ALLOWED_${target})
    _rollcall_direct_links(${target} links)
    foreach(lib IN LISTS links)
      if(NOT lib IN_LIST allowed)
        string(APPEND problems "\n  ${target} links ${lib}; docs/architecture.md allows only: ${allowed}")
      endif()
    endforeach()
  endforeach()
  if(problems)
    message(FATAL_ERROR "Library layering violated (cmake/RollcallLayers.cmake):${problems}")
  endif()
endfunction()
