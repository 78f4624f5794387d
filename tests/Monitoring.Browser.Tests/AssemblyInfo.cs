// Every test here starts or shares a whole host and a browser: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
