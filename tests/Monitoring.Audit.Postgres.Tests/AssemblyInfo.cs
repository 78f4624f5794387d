// The fixture starts one real PostgreSQL for the assembly; tests share it, each in its own schema.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
