// LibPq: the PostgreSQL client library, opened on first use (dlopen) instead of linked.
// Linking libpq made every run load it and its twenty dependencies (TLS, Kerberos,
// LDAP, GnuTLS...), about 7 ms of a 15 ms process start, although only
// `postgresql://` sources need it. The pq:: functions below have the signatures of the
// libpq functions of the same name and forward to them; call them only after
// LibPqAvailable() returned true.
#pragma once

#include <libpq-fe.h>

#include <string>

namespace gdpr::load {

// Opens libpq once (thread-safe). False when it cannot be loaded; then `error` (if
// given) says why, in dlerror()'s words.
bool LibPqAvailable(std::string* error = nullptr);

namespace pq {
void PQclear(PGresult* res);
PQconninfoOption* PQconndefaults();
PGconn* PQconnectdbParams(const char* const* keywords, const char* const* values, int expand_dbname);
void PQconninfoFree(PQconninfoOption* options);
char* PQerrorMessage(const PGconn* conn);
PGresult* PQexec(PGconn* conn, const char* query);
void PQfinish(PGconn* conn);
char* PQgetvalue(const PGresult* res, int row, int column);
int PQntuples(const PGresult* res);
ExecStatusType PQresultStatus(const PGresult* res);
int PQserverVersion(const PGconn* conn);
PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg);
ConnStatusType PQstatus(const PGconn* conn);
}  // namespace pq

}  // namespace gdpr::load
