#!/usr/bin/env bash
# Checks a running dev stack with clients that are not Java: kcat, the Node MongoDB driver and
# Python's smtplib/imaplib. Manual check, not part of the build.
#
#   ./run.sh infra --data-dir /tmp/devdata &      # in another terminal or in the background
#   devstack/src/test/scripts/verify-clients.sh write
#   (stop the dev stack with Ctrl-C / kill <pid>, start it again with the same data dir)
#   devstack/src/test/scripts/verify-clients.sh read
#
# Needs kcat (apt-get install kcat), node with the mongodb package in $MONGO_NODE_DIR
# (cd /tmp/mongocheck && npm install mongodb) and python3.
set -euo pipefail

phase="${1:-write}"
kafka="${KAFKA:-127.0.0.1:9092}"
mongo_uri="${MONGODB_URI:-mongodb://127.0.0.1:27017}"
smtp_port="${SMTP_PORT:-3025}"
imap_port="${IMAP_PORT:-3143}"
node_dir="${MONGO_NODE_DIR:-/tmp/mongocheck}"
topic="devstack-check"

echo "== kcat: broker metadata"
kcat -b "${kafka}" -L | head -n 4

if [[ "${phase}" == "write" ]]; then
  echo "== kcat: produce"
  echo "hello from kcat" | kcat -b "${kafka}" -t "${topic}" -P -k check-1
fi
echo "== kcat: consume"
kcat -b "${kafka}" -t "${topic}" -C -o beginning -e -q -f 'key=%k value=%s partition=%p offset=%o\n'

echo "== node mongodb driver ($(node -p "require(\"${node_dir}/node_modules/mongodb/package.json\").version"))"
NODE_DIR="${node_dir}" MONGODB_URI="${mongo_uri}" PHASE="${phase}" node -e '
  const { MongoClient } = require(process.env.NODE_DIR + "/node_modules/mongodb");
  (async () => {
    const client = await MongoClient.connect(process.env.MONGODB_URI, { serverSelectionTimeoutMS: 5000 });
    const checks = client.db("devstack_check").collection("checks");
    if (process.env.PHASE === "write") {
      await checks.replaceOne({ _id: "check-1" }, { _id: "check-1", text: "hello from node" }, { upsert: true });
    }
    console.log("found:", JSON.stringify(await checks.findOne({ _id: "check-1" })));
    await client.close();
  })().catch(e => { console.error(e); process.exit(1); });
'

echo "== python smtplib + imaplib"
SMTP_PORT="${smtp_port}" IMAP_PORT="${imap_port}" PHASE="${phase}" python3 - <<'PY'
import imaplib, os, smtplib, time
from email.message import EmailMessage

rcpt = "check@example.org"
if os.environ["PHASE"] == "write":
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "devstack@example.org", rcpt, "hello from smtplib"
    msg.set_content("Hallo")
    with smtplib.SMTP("127.0.0.1", int(os.environ["SMTP_PORT"])) as smtp:
        smtp.send_message(msg)
    time.sleep(0.5)
imap = imaplib.IMAP4("127.0.0.1", int(os.environ["IMAP_PORT"]))
imap.login(rcpt, "any-password")
imap.select("INBOX")
_, ids = imap.search(None, "ALL")
for num in ids[0].split():
    _, data = imap.fetch(num, "(BODY[HEADER.FIELDS (SUBJECT)])")
    print("imap:", data[0][1].decode().strip())
imap.logout()
PY
