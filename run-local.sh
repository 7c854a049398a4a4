#!/usr/bin/env bash
# Builds the platform and runs all of it on this machine: a Kafka broker, a Mongo-compatible store,
# GreenMail, Keycloak (sign-in, realm par with the demo users), the four services and the console, each as its own process.
# Needs only a JDK 17+. Ctrl-C stops it all.
#
# Optional environment (defaults in brackets):
#   PAR_DATA_DIR [data]   data and logs (logs in $PAR_DATA_DIR/logs/<component>.log); survives restarts
#   KAFKA_PORT [9092]  KAFKA_CONTROLLER_PORT [9093]  MONGODB_PORT [27017]
#   SMTP_PORT [3025]  IMAP_PORT [3143]  MAIL_API_PORT [8025]  KEYCLOAK_PORT [8180]  KEYCLOAK_MANAGEMENT_PORT [9180]
#   PLAN_SERVICE_PORT [8081]  TASK_SERVICE_PORT [8082]  REPORT_SERVICE_PORT [8083]  NOTIFICATION_SERVICE_PORT [8084]
#   CONSOLE_PORT [8080]   the officials' web console: open it and sign in
#   SKIP_BUILD=1          start from what is already built
set -euo pipefail
cd "$(dirname "$0")"

if [ "${SKIP_BUILD:-}" != "1" ]; then
  if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi
  "$mvn" -B -q -DskipTests package
fi

runtime=infra/local-runtime/target
# exec: the JVM replaces this shell, so Ctrl-C reaches its shutdown hook, which stops the children in order.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "$runtime/local-runtime.jar:$runtime/lib/*" vn.gov.par.localruntime.LocalPlatformMain
