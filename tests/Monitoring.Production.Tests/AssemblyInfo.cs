// The fixture starts one redis-server and one PostgreSQL for the assembly; the tests start whole hosts on them, one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
