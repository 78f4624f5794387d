// The integration tests start a real broker on a free port; nothing here needs to run in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
