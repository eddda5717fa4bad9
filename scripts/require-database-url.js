// `npm run test:pg` needs a PostgreSQL server; say so instead of silently testing PGlite.
if (!process.env.DATABASE_URL) {
	process.stderr.write(
		'test:pg: zet DATABASE_URL, bv. DATABASE_URL=postgres://app@127.0.0.1:54329/postgres npm run test:pg\n'
	);
	process.exit(1);
}
