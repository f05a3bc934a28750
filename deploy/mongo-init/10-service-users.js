// Creates one database and one user per service, each user allowed to read and write its own
// database only, so that "no service reads another's database" is enforced by MongoDB and not
// only by convention.
//
// The mongo image runs this with mongosh, as the root user, once: when the container starts on
// an empty data volume (/docker-entrypoint-initdb.d). Changing a password later means
// db.changeUserPassword() in mongosh, or removing the volume (which deletes all data).
//
// Passwords come from the environment of the mongo container (docker-compose.yml, from .env).

const services = [
  { name: 'proposal-service', passwordVariable: 'PROPOSAL_SERVICE_DB_PASSWORD' },
  { name: 'review-service', passwordVariable: 'REVIEW_SERVICE_DB_PASSWORD' },
  { name: 'notification-service', passwordVariable: 'NOTIFICATION_SERVICE_DB_PASSWORD' },
];

for (const service of services) {
  const password = process.env[service.passwordVariable];
  if (!password) {
    // failing here stops the container before any service can connect without its user
    throw new Error(`${service.passwordVariable} is not set for the mongo container`);
  }
  // database name = user name = service name, the same names the services use without compose
  const database = db.getSiblingDB(service.name);
  if (database.getUser(service.name) === null) {
    database.createUser({
      user: service.name,
      pwd: password,
      roles: [{ role: 'readWrite', db: service.name }],
    });
    print(`created user ${service.name} with readWrite on database ${service.name}`);
  } else {
    print(`user ${service.name} exists, left unchanged`);
  }
}
