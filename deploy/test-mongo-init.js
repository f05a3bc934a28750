// Runs deploy/mongo-init/10-service-users.js against a stand-in for mongosh's `db` (no MongoDB
// needed) and checks what it would do: one user per service, readWrite on its own database only,
// an existing user left alone, a missing password an error. Run by deploy/validate.sh.
const fs = require('fs'); const vm = require('vm'); const assert = require('assert');
const source = fs.readFileSync(require('path').join(__dirname, 'mongo-init', '10-service-users.js'), 'utf8');
function run(env, existing) {
  const users = {}; for (const [d, u] of existing) users[d] = { [u]: { user: u } };
  const created = [];
  const db = { getSiblingDB: (name) => ({
    getUser: (u) => (users[name] && users[name][u]) || null,
    createUser: (spec) => { created.push({ db: name, ...spec }); (users[name] ||= {})[spec.user] = spec; },
  }) };
  const printed = [];
  vm.runInNewContext(source, { db, process: { env }, print: (s) => printed.push(s) });
  return { created, printed };
}
const env = { PROPOSAL_SERVICE_DB_PASSWORD: 'p1', REVIEW_SERVICE_DB_PASSWORD: 'p2', NOTIFICATION_SERVICE_DB_PASSWORD: 'p3' };
let r = run(env, []);
assert.deepStrictEqual(r.created.map(c => [c.db, c.user, c.pwd, JSON.stringify(c.roles)]), [
  ['proposal-service', 'proposal-service', 'p1', '[{"role":"readWrite","db":"proposal-service"}]'],
  ['review-service', 'review-service', 'p2', '[{"role":"readWrite","db":"review-service"}]'],
  ['notification-service', 'notification-service', 'p3', '[{"role":"readWrite","db":"notification-service"}]'],
]);
r = run(env, [['review-service', 'review-service']]);
assert.deepStrictEqual(r.created.map(c => c.user), ['proposal-service', 'notification-service']);
assert.throws(() => run({ ...env, REVIEW_SERVICE_DB_PASSWORD: '' }, []), /REVIEW_SERVICE_DB_PASSWORD is not set/);
console.log('mongo init script: 3 users with readWrite on their own db only; existing user kept; missing password fails');
