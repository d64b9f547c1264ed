// Initiates the replica set rs0 of docker-compose's three MongoDB members once, waits for a primary, then creates
// one user per service with readWrite on its own database only (run by the one-shot service `mongo-init`; rerunning
// it is harmless: existing users get their password and roles set again).
// Authentication is on: the script logs in as root with the password of the docker secret mongo-root-password, read
// here rather than passed on a command line; the users and their passwords come from the secret mongo-users (one
// "user password" a line; each service's user name is also its database name).
const fs = require("fs");
const secret = (name) => fs.readFileSync("/run/secrets/" + name, "utf8").trim();

const config = {
  _id: "rs0",
  members: [
    // mongo-1 is preferred as primary: this script, connected to it, creates the users there.
    { _id: 0, host: "mongo-1:27017", priority: 2 },
    { _id: 1, host: "mongo-2:27017" },
    { _id: 2, host: "mongo-3:27017" },
  ],
};

const admin = db.getSiblingDB("admin");
admin.auth("root", secret("mongo-root-password"));

try {
  rs.status();
  print("replica set rs0 already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") {
    throw e;
  }
  rs.initiate(config);
  print("replica set rs0 initiated");
}

function waitForPrimary() {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (rs.status().members.some((member) => member.stateStr === "PRIMARY") && db.hello().isWritablePrimary) {
      return true;
    }
    sleep(1000);
  }
  return false;
}

if (!waitForPrimary()) {
  print("no primary elected in rs0 after 120 s (or mongo-1 is not it)");
  quit(1);
}
print("replica set rs0 has a primary");

for (const line of secret("mongo-users").split("\n")) {
  const [user, password] = line.trim().split(/\s+/);
  if (!user) {
    continue;
  }
  const roles = [{ role: "readWrite", db: user }];
  if (admin.getUser(user)) {
    admin.updateUser(user, { pwd: password, roles });
  } else {
    admin.createUser({ user, pwd: password, roles });
  }
  print("user " + user + ": readWrite on " + user + " only");
}
quit(0);
