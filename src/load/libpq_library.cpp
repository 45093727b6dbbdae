#include "load/libpq_library.h"

#include <dlfcn.h>

namespace gdpr::load {
namespace {

struct Library {
  decltype(&::PQclear) clear = nullptr;
  decltype(&::PQconndefaults) conndefaults = nullptr;
  decltype(&::PQconnectdbParams) connectdb_params = nullptr;
  decltype(&::PQconninfoFree) conninfo_free = nullptr;
  decltype(&::PQerrorMessage) error_message = nullptr;
  decltype(&::PQexec) exec = nullptr;
  decltype(&::PQfinish) finish = nullptr;
  decltype(&::PQgetvalue) getvalue = nullptr;
  decltype(&::PQntuples) ntuples = nullptr;
  decltype(&::PQresultStatus) result_status = nullptr;
  decltype(&::PQserverVersion) server_version = nullptr;
  decltype(&::PQsetNoticeProcessor) set_notice_processor = nullptr;
  decltype(&::PQstatus) status = nullptr;
  std::string error;  // empty when every symbol was found
};

template <typename F>
void Bind(void* handle, const char* name, F& slot, std::string& error) {
  slot = reinterpret_cast<F>(dlsym(handle, name));
  if (!slot && error.empty()) error = std::string("libpq has no symbol ") + name;
}

Library Open() {
  Library lib;
  // The SONAME first (what the build linked against), then the development symlink.
  void* handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!handle) handle = dlopen("libpq.so", RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    lib.error = why ? why : "libpq.so.5 could not be loaded";
    return lib;
  }
  Bind(handle, "PQclear", lib.clear, lib.error);
  Bind(handle, "PQconndefaults", lib.conndefaults, lib.error);
  Bind(handle, "PQconnectdbParams", lib.connectdb_params, lib.error);
  Bind(handle, "PQconninfoFree", lib.conninfo_free, lib.error);
  Bind(handle, "PQerrorMessage", lib.error_message, lib.error);
  Bind(handle, "PQexec", lib.exec, lib.error);
  Bind(handle, "PQfinish", lib.finish, lib.error);
  Bind(handle, "PQgetvalue", lib.getvalue, lib.error);
  Bind(handle, "PQntuples", lib.ntuples, lib.error);
  Bind(handle, "PQresultStatus", lib.result_status, lib.error);
  Bind(handle, "PQserverVersion", lib.server_version, lib.error);
  Bind(handle, "PQsetNoticeProcessor", lib.set_notice_processor, lib.error);
  Bind(handle, "PQstatus", lib.status, lib.error);
  return lib;  // the handle stays open for the life of the process
}

const Library& Lib() {
  static const Library lib = Open();
  return lib;
}

}  // namespace

bool LibPqAvailable(std::string* error) {
  const Library& lib = Lib();
  if (error) *error = lib.error;
  return lib.error.empty();
}

namespace pq {
void PQclear(PGresult* res) { Lib().clear(res); }
PQconninfoOption* PQconndefaults() { return Lib().conndefaults(); }
PGconn* PQconnectdbParams(const char* const* keywords, const char* const* values, int expand_dbname) {
  return Lib().connectdb_params(keywords, values, expand_dbname);
}
void PQconninfoFree(PQconninfoOption* options) { Lib().conninfo_free(options); }
char* PQerrorMessage(const PGconn* conn) { return Lib().error_message(conn); }
PGresult* PQexec(PGconn* conn, const char* query) { return Lib().exec(conn, query); }
void PQfinish(PGconn* conn) { Lib().finish(conn); }
char* PQgetvalue(const PGresult* res, int row, int column) { return Lib().getvalue(res, row, column); }
int PQntuples(const PGresult* res) { return Lib().ntuples(res); }
ExecStatusType PQresultStatus(const PGresult* res) { return Lib().result_status(res); }
int PQserverVersion(const PGconn* conn) { return Lib().server_version(conn); }
PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg) {
  return Lib().set_notice_processor(conn, proc, arg);
}
ConnStatusType PQstatus(const PGconn* conn) { return Lib().status(conn); }
}  // namespace pq

}  // namespace gdpr::load
