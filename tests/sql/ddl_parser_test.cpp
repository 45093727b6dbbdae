#include "sql/ddl_parser.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using gdpr::model::Column;
using gdpr::model::Diagnostics;
using gdpr::model::Dialect;
using gdpr::model::Schema;
using gdpr::model::Table;
using gdpr::sql::ParseDdl;

namespace {

Schema Parse(std::string_view text, Dialect dialect, Diagnostics& diags) {
  return ParseDdl(text, "t.sql", dialect, diags);
}

// Parses text that must produce no diagnostics at all.
Schema ParseClean(std::string_view text, Dialect dialect) {
  Diagnostics diags;
  Schema schema = Parse(text, dialect, diags);
  std::ostringstream rendered;
  diags.Render(rendered, false);
  INFO(rendered.str());
  CHECK(diags.all().empty());
  return schema;
}

const Table& GetTable(const Schema& s, const char* name) {
  const Table* t = s.FindTable(name);
  REQUIRE_MESSAGE(t, "no table " << name);
  return *t;
}

const Column& GetColumn(const Table& t, const char* name) {
  const Column* c = t.FindColumn(name);
  REQUIRE_MESSAGE(c, "no column " << name);
  return *c;
}

}  // namespace

TEST_CASE("sql::DdlParser reads columns, types, NULL-ability, defaults and lines") {
  Schema s = ParseClean(
      "CREATE TABLE public.users (\n"
      "    id bigint DEFAULT nextval('public.users_id_seq'::regclass) NOT NULL,\n"
      "    email character varying(255)   NOT NULL,\n"
      "    home_lat double precision,\n"
      "    status public.user_status_enum DEFAULT 'pending'::public.user_status_enum NOT NULL,\n"
      "    \"timestamp\" timestamp without time zone,\n"
      "    amount DECIMAL( 20,6 ) DEFAULT -1.5,\n"
      "    tags text[]\n"
      ");",
      Dialect::kPostgres);
  const Table& t = GetTable(s, "public.users");
  CHECK(t.schema == "public");
  CHECK(t.line == 1);
  REQUIRE(t.columns.size() == 7);
  CHECK(GetColumn(t, "id").default_value == "nextval('public.users_id_seq'::regclass)");
  CHECK_FALSE(GetColumn(t, "id").nullable);
  CHECK(GetColumn(t, "email").type == "character varying(255)");
  CHECK(GetColumn(t, "email").line == 3);
  CHECK(GetColumn(t, "home_lat").type == "double precision");
  CHECK(GetColumn(t, "home_lat").nullable);
  CHECK(GetColumn(t, "status").type == "public.user_status_enum");
  CHECK(GetColumn(t, "status").default_value == "'pending'::public.user_status_enum");
  CHECK(GetColumn(t, "timestamp").type == "timestamp without time zone");
  CHECK(GetColumn(t, "amount").type == "DECIMAL(20,6)");
  CHECK(GetColumn(t, "amount").default_value == "-1.5");
  CHECK(GetColumn(t, "tags").type == "text[]");
}

TEST_CASE("sql::DdlParser reads column and table primary and foreign keys") {
  Schema s = ParseClean(
      "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, b_id int REFERENCES b (id) ON DELETE "
      "SET NULL);\n"
      "CREATE TABLE c (x int, y int, z int,\n"
      "  CONSTRAINT pk_c PRIMARY KEY (x, y),\n"
      "  CONSTRAINT fk FOREIGN KEY (z) REFERENCES other.d(id) ON UPDATE CASCADE);",
      Dialect::kSqlite);
  const Table& a = GetTable(s, "a");
  CHECK(a.primary_key == std::vector<std::string>{"id"});
  CHECK(GetColumn(a, "id").primary_key);
  CHECK(GetColumn(a, "b_id").nullable);  // ON DELETE SET NULL is not a column option
  REQUIRE(a.foreign_keys.size() == 1);
  CHECK(a.foreign_keys[0].columns == std::vector<std::string>{"b_id"});
  CHECK(a.foreign_keys[0].ref_table == "b");
  const Table& c = GetTable(s, "c");
  CHECK(c.primary_key == std::vector<std::string>{"x", "y"});
  CHECK(GetColumn(c, "y").primary_key);
  CHECK_FALSE(GetColumn(c, "y").nullable);
  CHECK_FALSE(GetColumn(c, "z").primary_key);
  REQUIRE(c.foreign_keys.size() == 1);
  CHECK(c.foreign_keys[0].ref_schema == "other");
  CHECK(c.foreign_keys[0].ref_columns == std::vector<std::string>{"id"});
}

TEST_CASE("sql::DdlParser applies later ALTER TABLE statements") {
  Schema s = ParseClean(
      "CREATE TABLE public.users (id integer NOT NULL, org varchar, level int);\n"
      "CREATE TABLE public.notes (id integer, user_id integer);\n"
      "ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);\n"
      "ALTER TABLE ONLY public.notes\n    ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES "
      "public.users(id);\n"
      "ALTER TABLE ONLY public.notes ALTER COLUMN id SET DEFAULT "
      "nextval('notes_id_seq'::regclass);\n"
      "ALTER TABLE public.users DROP COLUMN level;\n"
      "ALTER TABLE users ADD node VARCHAR DEFAULT '/';\n"
      "ALTER TABLE users ADD COLUMN IF NOT EXISTS email text NOT NULL;\n",
      Dialect::kPostgres);
  const Table& users = GetTable(s, "users");
  CHECK(users.primary_key == std::vector<std::string>{"id"});
  CHECK(GetColumn(users, "id").primary_key);
  CHECK(users.FindColumn("level") == nullptr);
  CHECK(GetColumn(users, "node").default_value == "'/'");
  CHECK(GetColumn(users, "node").line == 8);
  CHECK_FALSE(GetColumn(users, "email").nullable);
  const Table& notes = GetTable(s, "notes");
  REQUIRE(notes.foreign_keys.size() == 1);
  CHECK(notes.foreign_keys[0].ref_table == "users");
  CHECK(GetColumn(notes, "id").default_value == "nextval('notes_id_seq'::regclass)");
}

TEST_CASE("sql::DdlParser reads MySQL alter table with several adds") {
  Schema s = ParseClean(
      "create table emp (emp_number int(7) not null default 0, ssn varchar(20), job int, primary "
      "key (emp_number))"
      " engine=innodb default charset=utf8;\r\n"
      "create table job (id int, code varchar(5) UNIQUE KEY);\r\n"
      "alter table emp\r\n  add foreign key (job) references job(id) on delete cascade,\r\n"
      "  add foreign key (ssn) references other(ssn) on delete set null;\r\n"
      "ALTER TABLE emp COMMENT = 'Employees';\r\n",
      Dialect::kMysql);
  const Table& emp = GetTable(s, "emp");
  CHECK(emp.foreign_keys.size() == 2);
  CHECK(emp.comment == "Employees");
  CHECK_FALSE(GetColumn(GetTable(s, "job"), "code").primary_key);  // UNIQUE KEY is no PK
  CHECK(GetColumn(emp, "emp_number").primary_key);
  CHECK(GetColumn(emp, "emp_number").default_value == "0");
  CHECK(GetColumn(emp, "ssn").nullable);
}

TEST_CASE("sql::DdlParser reads comments") {
  Schema pg = ParseClean(
      "CREATE TABLE Person.Person (FirstName varchar(50));\n"
      "  COMMENT ON TABLE Person.Person IS 'Human beings';\n"
      "COMMENT ON COLUMN Person.Person.FirstName IS 'Reviewer''s first name.';\n",
      Dialect::kPostgres);
  const Table& p = GetTable(pg, "Person.Person");
  CHECK(p.comment == "Human beings");
  CHECK(GetColumn(p, "FirstName").comment == "Reviewer's first name.");

  Schema my = ParseClean(
      "CREATE TABLE `user` (\n"
      "  `uid` int unsigned NOT NULL COMMENT 'use \\'contact-type\\' = \\'community\\'; really',\n"
      "  `postal-code` varchar(32) NOT NULL DEFAULT '' COMMENT '',\n"
      "  KEY `uid` (`uid`(10)),\n"
      "  UNIQUE INDEX `x` (`uid`)\n"
      ") DEFAULT COLLATE utf8mb4_general_ci COMMENT='The users';\n",
      Dialect::kMysql);
  const Table& u = GetTable(my, "user");
  CHECK(u.comment == "The users");
  REQUIRE(u.columns.size() == 2);
  CHECK(GetColumn(u, "uid").comment == "use 'contact-type' = 'community'; really");
  CHECK(GetColumn(u, "postal-code").type == "varchar(32)");
}

TEST_CASE("sql::DdlParser ignores CREATE TABLE inside routines, data and comments") {
  Schema pg = ParseClean(
      "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $_$\n"
      "BEGIN CREATE TEMPORARY TABLE tmp (a int); /* CREATE TABLE c (b int); */ END; $_$;\n"
      "COPY public.t (a) FROM stdin;\nCREATE TABLE fake (a int);\n\\.\n"
      "INSERT INTO t VALUES ('CREATE TABLE fake2 (a int);');\n"
      "-- CREATE TABLE fake3 (a int);\n"
      "CREATE TABLE real (a int);\n",
      Dialect::kPostgres);
  REQUIRE(pg.tables.size() == 1);
  CHECK(pg.tables[0].name == "real");
  CHECK(pg.tables[0].line == 8);

  Schema my = ParseClean(
      "/*!40101 SET @saved_cs_client = @@character_set_client */;\n"
      "DELIMITER //\n"
      "CREATE PROCEDURE p() BEGIN\n  CREATE TEMPORARY TABLE tmp (a int);\n  SELECT 1;\nEND //\n"
      "DELIMITER ;;\nCREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW BEGIN\n  INSERT INTO y VALUES "
      "(1);\nEND;;\n"
      "DELIMITER ;\n"
      "# CREATE TABLE hashed (a int);\n"
      "CREATE TEMPORARY TABLE top_tmp (a int);\n"
      "CREATE TABLE real (a int);\n",
      Dialect::kMysql);
  REQUIRE(my.tables.size() == 2);
  CHECK(my.tables[0].temporary);
  CHECK(my.tables[1].name == "real");

  Schema lite = ParseClean(
      "CREATE TRIGGER tr BEFORE INSERT ON a BEGIN\n"
      "  SELECT RAISE(ABORT, 'no; never') WHERE EXISTS (SELECT 1 FROM b WHERE CASE WHEN 1 THEN 1 "
      "END);\n"
      "  UPDATE a SET x = 1;\nEND;\n"
      "CREATE TABLE real (a);\n",
      Dialect::kSqlite);
  REQUIRE(lite.tables.size() == 1);
  CHECK(lite.tables[0].name == "real");

  // A routine without a DELIMITER change ends at the `;` after its outermost END, also
  // behind DEFINER=CURRENT_USER(); a view whose columns are named event/begin is no routine.
  Schema routines = ParseClean(
      "CREATE DEFINER=CURRENT_USER() PROCEDURE p() BEGIN\n"
      "  IF 1 THEN CREATE TABLE inner_t (a int); END IF;\n"
      "  CASE x WHEN 1 THEN SELECT 1; END CASE;\nEND;\n"
      "CREATE VIEW v AS SELECT event, begin FROM t;\n"
      "CREATE TABLE after_view (a int);\n",
      Dialect::kMysql);
  REQUIRE(routines.tables.size() == 1);
  CHECK(routines.tables[0].name == "after_view");
}

TEST_CASE("sql::DdlParser handles DELIMITER $$ and psql meta-commands") {
  Schema my = ParseClean(
      "DELIMITER $$\n"
      "CREATE FUNCTION f(p INT) RETURNS INT\nBEGIN\n  DECLARE x INT;\n"
      "  CREATE TEMPORARY TABLE tmp (a int);\n  RETURN x;\nEND $$\n"
      "DELIMITER ;\n"
      "CREATE TABLE after_routine (a int);\n",
      Dialect::kMysql);
  REQUIRE(my.tables.size() == 1);
  CHECK(my.tables[0].name == "after_routine");
  CHECK(my.tables[0].line == 9);

  Schema pg = ParseClean(
      "\\pset tuples_only on\n"
      "\\copy Person.Address FROM './Address.csv' DELIMITER E'\\t' CSV\n"
      "SELECT 'Copying data into Person.Address';\n"
      "CREATE TABLE a (b int);\n",
      Dialect::kPostgres);
  REQUIRE(pg.tables.size() == 1);
  CHECK(pg.tables[0].line == 4);
}

TEST_CASE("sql::DdlParser counts nested, partition, virtual and AS SELECT tables") {
  Schema s = ParseClean(
      "CREATE SCHEMA Person\n"
      "  CREATE TABLE BusinessEntity(\n    BusinessEntityID SERIAL, -- comment, with comma\n    "
      "Org varchar NULL,-- x\n"
      "    rowguid uuid NOT NULL CONSTRAINT \"DF_x\" DEFAULT (uuid_generate_v1()) -- last\n  )\n"
      "  CREATE TABLE Phone(PhoneNumber \"Phone\" NOT NULL);\n"
      "CREATE TABLE public.payment (payment_id int, payment_date date) PARTITION BY RANGE "
      "(payment_date);\n"
      "CREATE TABLE public.payment_p1 PARTITION OF public.payment FOR VALUES FROM ('2022-01-01') "
      "TO ('2022-02-01');\n"
      "CREATE TABLE copy AS SELECT * FROM public.payment;\n",
      Dialect::kPostgres);
  REQUIRE(s.tables.size() == 5);
  const Table& be = GetTable(s, "Person.BusinessEntity");
  CHECK(be.columns.size() == 3);
  CHECK(GetColumn(be, "rowguid").default_value == "(uuid_generate_v1())");
  CHECK(GetColumn(GetTable(s, "Person.Phone"), "PhoneNumber").type == "\"Phone\"");
  CHECK(GetTable(s, "payment_p1").columns.size() == 2);
  CHECK_FALSE(GetTable(s, "copy").columns_known);

  Schema inherits = ParseClean(
      "CREATE TABLE parent (id int PRIMARY KEY, name text);\n"
      "CREATE TABLE child (extra text) INHERITS (parent);\n",
      Dialect::kPostgres);
  const Table& child = GetTable(inherits, "child");
  REQUIRE(child.columns.size() == 3);
  CHECK(child.columns[0].name == "id");
  CHECK(child.columns[2].name == "extra");

  Schema lite = ParseClean(
      "CREATE VIRTUAL TABLE event_search USING fts4 ( event_id, room_id, sender, key, value )\n"
      "/* event_search(event_id,room_id,sender,\"key\",value) */;\n"
      "CREATE TABLE settings (setting TEXT, key TEXT NOT NULL, value, other NOT NULL, PRIMARY KEY "
      "(setting, key));\n",
      Dialect::kSqlite);
  REQUIRE(lite.tables.size() == 2);
  CHECK(lite.tables[0].is_virtual);
  CHECK(lite.tables[0].columns.size() == 5);
  const Table& settings = GetTable(lite, "settings");
  REQUIRE(settings.columns.size() == 4);
  CHECK(GetColumn(settings, "key").primary_key);
  CHECK(GetColumn(settings, "value").type.empty());
  CHECK_FALSE(GetColumn(settings, "other").nullable);
}

TEST_CASE("sql::DdlParser keeps quoted names and reads lower-case CRLF MySQL") {
  Schema s = ParseClean(
      "create table if not exists `PREFIX_customer` (\r\n"
      "\t`id` int(10) unsigned NOT NULL auto_increment,\r\n"
      "\t`condition` ENUM('', 'new') NOT NULL default 'new',\r\n"
      "\t`passwd` varchar(32) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL,\r\n"
      "\tPRIMARY KEY  (`id`),\r\n"
      "\tINDEX customer_login(id),\r\n"
      "\tFULLTEXT KEY `ft` (`passwd`)\r\n"
      ")ENGINE = ENGINE_TYPE  DEFAULT CHARSET=utf8 ;\r\n",
      Dialect::kMysql);
  const Table& t = GetTable(s, "PREFIX_customer");
  REQUIRE(t.columns.size() == 3);
  CHECK(GetColumn(t, "id").type == "int(10) unsigned");
  CHECK(GetColumn(t, "id").primary_key);
  CHECK(GetColumn(t, "condition").type == "ENUM('','new')");
  CHECK(GetColumn(t, "passwd").type == "varchar(32)");
  CHECK(GetColumn(t, "passwd").line == 4);

  Schema lite = ParseClean(
      "CREATE TABLE identities (\"reply-to\" varchar(128) NOT NULL DEFAULT '', \"type\" text);",
      Dialect::kSqlite);
  CHECK(GetColumn(GetTable(lite, "identities"), "reply-to").type == "varchar(128)");
}

TEST_CASE("sql::DdlParser reports a CREATE TABLE it cannot parse and goes on") {
  Diagnostics diags;
  Schema s = Parse(
      "CREATE TABLE ok1 (a int);\n"
      "CREATE TABLE broken (a int, b varchar(10);\n"
      "CREATE TABLE ok2 (a int);\n"
      "CREATE TABLE;\n"
      "CREATE TABLE nobody;\n"
      "CREATE TABLE fk (a int, FOREIGN KEY (a) other(b));\n"
      "CREATE TABLE ok3 (a int);\n",
      Dialect::kPostgres, diags);
  CHECK(s.tables.size() == 3);
  REQUIRE(diags.error_count() == 4);
  const auto& first = diags.all()[0];
  CHECK(first.location.ToString() == "t.sql:2:21");
  CHECK(first.message.find("broken") != std::string::npos);
  CHECK(diags.all()[1].location.line == 4);
  CHECK(diags.all()[2].location.line == 5);
  CHECK(diags.all()[3].message.find("REFERENCES") != std::string::npos);
}

TEST_CASE("sql::DdlParser reports a missing ';' between tables and reads both") {
  Diagnostics diags;
  Schema s =
      Parse("CREATE TABLE a (x int) ENGINE=InnoDB\nCREATE TABLE b (y int)\nCREATE TABLE c (z int);",
            Dialect::kMysql, diags);
  CHECK(s.tables.size() == 3);
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.all()[0].location.ToString() == "t.sql:2:1");
  CHECK(diags.all()[0].message.find("missing ';'") != std::string::npos);
}

TEST_CASE("sql::DdlParser enforces the statement length limit") {
  std::string text = "CREATE TABLE big (a int, b varchar(10) DEFAULT '" + std::string(200, 'x') +
                     "');\nCREATE TABLE s (a int);";
  Diagnostics diags;
  gdpr::sql::DdlParseOptions options;
  options.max_statement_bytes = 100;
  Schema s = ParseDdl(text, "t.sql", Dialect::kPostgres, diags, options);
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].name == "s");
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message.find("limit") != std::string::npos);
  CHECK(diags.all()[0].location.line == 1);
}

TEST_CASE("sql::DdlParser caps the tokens kept for one statement") {
  std::string many;
  for (int i = 0; i < 40000; ++i) many += "1+";
  std::string text = "CREATE TABLE t (a int DEFAULT " + many + "1);\nCREATE TABLE s (a int);";
  Diagnostics diags;
  gdpr::sql::DdlParseOptions options;
  options.max_statement_bytes = 1 << 20;  // 80 KB is under this, but 80,000 tokens are not
  Schema s = ParseDdl(text, "t.sql", Dialect::kPostgres, diags, options);
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].name == "s");
  CHECK(diags.error_count() == 1);
  // Routines are scanned for their end without keeping their tokens: no limit applies.
  std::string body;
  for (int i = 0; i < 40000; ++i) body += "SET x = 1; ";
  Diagnostics routine_diags;
  Schema r =
      ParseDdl("CREATE TRIGGER tr BEFORE INSERT ON a BEGIN " + body + "END;\nCREATE TABLE u (a);",
               "t.sql", Dialect::kSqlite, routine_diags, options);
  CHECK(r.tables.size() == 1);
  CHECK(routine_diags.all().empty());
}

TEST_CASE("sql::DdlParser sniffs the dialect when asked") {
  Diagnostics diags;
  Schema s =
      ParseDdl("CREATE TABLE `a` (`b` int) ENGINE=InnoDB;", "m.sql", Dialect::kUnknown, diags);
  CHECK(s.dialect == Dialect::kMysql);
  CHECK(s.path == "m.sql");
  CHECK(s.tables.size() == 1);
}

TEST_CASE("sql::DdlParser cuts a table body at its depth-0 commas only") {
  Schema s = ParseClean(
      "CREATE TABLE t (, a numeric(4,2) DEFAULT round(1.5, 1), b text[] ,\n"
      "  c int CHECK (c IN (1, 2)), PRIMARY KEY (a, c),) WITH (fillfactor = 70);\n"
      "CREATE TABLE p PARTITION OF t (CONSTRAINT k CHECK (a > 0), d int) FOR VALUES IN (1);",
      Dialect::kPostgres);
  const Table& t = GetTable(s, "t");
  REQUIRE(t.columns.size() == 3);
  CHECK(t.columns[0].name == "a");
  CHECK(t.columns[0].type == "numeric(4,2)");
  CHECK(t.columns[0].default_value == "round(1.5, 1)");
  CHECK(t.columns[1].type == "text[]");
  CHECK(t.columns[2].name == "c");
  CHECK(t.primary_key == std::vector<std::string>{"a", "c"});
  const Table& p = GetTable(s, "p");
  REQUIRE(p.columns.size() == 4);  // the parent's three, then its own
  CHECK(p.columns[3].name == "d");
  // The body ends at the ')' that matches its '(': the table options after it are no
  // columns, and a body that is never closed is an error at its '('.
  Diagnostics diags;
  Schema broken = Parse("CREATE TABLE u (a int, b numeric(4,2);\nCREATE TABLE v (a int);",
                        Dialect::kPostgres, diags);
  REQUIRE(broken.tables.size() == 1);
  CHECK(broken.tables[0].name == "v");
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].location.ToString() == "t.sql:1:16");
}
